"""Small server-side SVG charts: readable without colour (values are written on the bars)."""

from dataclasses import dataclass

from .suppression import THRESHOLD, Cell, is_small, suppress

TOP = 18  # room for the value above the highest bar
BOTTOM = 22  # room for the labels


HIDDEN = "x"  # a count hidden only so that a small one cannot be derived from the total


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    y: float
    height: float
    text: str
    value_y: float
    label_y: float


def bar_chart(
    series: list[tuple[str, int]],
    *,
    partition: bool = True,
    height: int = 160,
    bar_width: int = 34,
) -> dict:
    """Bars with their value as text, suppressed as in the tables.

    A small count is drawn at the threshold's height and labelled <5. When the bars split one
    total (`partition`), a bar hidden by secondary suppression is not drawn and labelled x.
    """
    cells = suppress(series) if partition else [Cell(lbl, n, is_small(n)) for lbl, n in series]
    top = max([value for _, value in series] + [THRESHOLD])
    bars = []
    for index, cell in enumerate(cells):
        secondary = cell.suppressed and not is_small(cell.count)
        shown = 0 if secondary else THRESHOLD if cell.suppressed else cell.count
        bar_height = round(shown / top * height, 1)
        y = TOP + height - bar_height
        bars.append(
            Bar(
                label=cell.label,
                x=index * (bar_width + 8) + 4,
                y=y,
                height=bar_height,
                text=HIDDEN if secondary else cell.shown,
                value_y=y - 4,
                label_y=TOP + height + 16,
            )
        )
    return {
        "bars": bars,
        "width": len(series) * (bar_width + 8) + 8,
        "height": TOP + height + BOTTOM,
        "bar_width": bar_width,
        "has_hidden": any(bar.text == HIDDEN for bar in bars),
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
