"""Small server-side SVG charts: readable without colour (values are written on the bars)."""

from dataclasses import dataclass

from .suppression import THRESHOLD, band

TOP = 18  # room for the value above the highest bar
BOTTOM = 22  # room for the labels


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    y: float
    height: float
    text: str
    value_y: float
    label_y: float


def bar_chart(series: list[tuple[str, int]], *, height: int = 160, bar_width: int = 34) -> dict:
    """Bars with their value as text, published as in the tables (suppression.py): a bar is
    drawn to the top of its count's band and labelled with the band, so its length tells no
    more than its label."""
    bands = [(label, band(count)) for label, count in series]
    top = max([found.high for _, found in bands] + [THRESHOLD])
    bars = []
    for index, (label, found) in enumerate(bands):
        bar_height = round(found.high / top * height, 1)
        y = TOP + height - bar_height
        bars.append(
            Bar(
                label=label,
                x=index * (bar_width + 8) + 4,
                y=y,
                height=bar_height,
                text=found.shown,
                value_y=y - 4,
                label_y=TOP + height + 16,
            )
        )
    return {
        "bars": bars,
        "width": len(series) * (bar_width + 8) + 8,
        "height": TOP + height + BOTTOM,
        "bar_width": bar_width,
    }


def score_chart(assessments: list, blocks: list[tuple[int, str]], *, unit: int = 28) -> dict:
    """Per building block one bar per measurement (score 1–5), the score written beside it."""
    rows, y = [], 0
    for block, label in blocks:
        bars = []
        for assessment in assessments:
            score = next((s.score for s in assessment.scores.all() if s.block == block), None)
            if score is not None:
                bars.append(
                    {
                        "y": y + 18,
                        "width": score * unit,
                        "score": score,
                        "label": assessment.measured_on.strftime("%d-%m-%Y"),
                    }
                )
                y += 14
        rows.append({"label": label, "label_y": y - 14 * len(bars) + 12, "bars": bars})
        y += 26
    return {"rows": rows, "height": y + 10, "width": 230 + 5 * unit + 40, "offset": 230}
