"""The series behind the dashboard's charts, taken from the indicators' own results.

The charts show what a coordinator wants to see at a glance: inflow per month, how long families
wait for the team meeting, the funnel from registration to a discussed plan, and the age at
registration. They use the same definitions as the table, so chart and table never disagree.
"""

from dataclasses import dataclass

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext_lazy as _

from .charts import bar_chart
from .indicators import NOT_ON_THE_MAP, Result, Scope, inflow_per_month

# Upper bounds in days (inclusive) with their labels; the last bucket is open.
WAITING_BUCKETS = [
    (14, "0–2 wk"),
    (28, "3–4 wk"),
    (42, "5–6 wk"),
    (56, "7–8 wk"),
    (91, "9–13 wk"),
    (None, "> 13 wk"),
]
OLDEST_AGE_BUCKET = 7


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    svg: dict
    unit: str


def inflow_by_month_name(scope: Scope) -> list[tuple[str, int]]:
    return [
        (f"{MONTHS_3[int(month[5:])]} {month[2:4]}", count)
        for month, count in inflow_per_month(scope)
    ]


def waiting_distribution(result: Result) -> list[tuple[str, int]]:
    counts = [0] * len(WAITING_BUCKETS)
    for days, n in result.distribution.items():
        index = next(
            i for i, (upper, _label) in enumerate(WAITING_BUCKETS) if upper is None or days <= upper
        )
        counts[index] += n
    return [(label, count) for (_upper, label), count in zip(WAITING_BUCKETS, counts, strict=True)]


def age_distribution(result: Result) -> list[tuple[str, int]]:
    counts = [0] * (OLDEST_AGE_BUCKET + 1)
    for years, n in result.distribution.items():
        counts[min(max(int(years), 0), OLDEST_AGE_BUCKET)] += n
    labels = [f"{year} jr" for year in range(OLDEST_AGE_BUCKET)] + [f"{OLDEST_AGE_BUCKET}+ jr"]
    return list(zip(labels, counts, strict=True))


def funnel(results: dict[str, Result]) -> list[tuple[str, int]]:
    """How many of the period's registrations and trajectories reached each step."""
    return [
        (str(_("Aanmeldingen")), results["inflow"].count),
        (str(_("Traject gestart")), results["discussed"].denominator),
        (str(_("Huisbezoek")), results["days_intake"].n),
        (str(_("Besproken in MDO")), results["days_meeting"].n),
        (str(_("Plan besproken")), results["days_plan"].n),
    ]


LABEL_LENGTH = 12


def per_provider(result: Result) -> list[tuple[str, int]]:
    """The referrals per social-map entry, by name (shortened to fit under a bar), the help
    not on the map last."""
    names = sorted(name for name in result.breakdown if name != NOT_ON_THE_MAP)
    return [
        (_short(name), result.breakdown[name])
        for name in [*names, NOT_ON_THE_MAP]
        if name in result.breakdown
    ]


def _short(name: str) -> str:
    return name if len(name) <= LABEL_LENGTH else name[: LABEL_LENGTH - 1] + "…"


def cbplus(results: dict[str, Result]) -> list[tuple[str, int]]:
    """The period's CB-plus consults, and those that led to a registration with IVH."""
    return [
        (str(_("Consulten")), results["cbplus_consults"].count),
        (str(_("Aangemeld bij IVH")), results["cbplus_registered"].numerator),
    ]


def dashboard_charts(
    scope: Scope, results: dict[str, Result], inflow_months: list | None = None
) -> list[Chart]:
    """The dashboard's charts; `inflow_months` when the page already counted them."""
    return [
        Chart(
            "instroom",
            _("Instroom per maand"),
            _("Aanmeldingen per maand van ontvangst."),
            bar_chart(inflow_by_month_name(scope) if inflow_months is None else inflow_months),
            _("aanmeldingen"),
        ),
        Chart(
            "wachttijd",
            _("Wachttijd tot het eerste MDO"),
            _("Aantal kinderen per wachttijd van aanmelding tot de eerste bespreking, in weken."),
            bar_chart(waiting_distribution(results["days_meeting"]), bar_width=46),
            _("kinderen"),
        ),
        Chart(
            "trechter",
            _("Van aanmelding tot besproken plan"),
            _(
                "Hoeveel aanmeldingen en trajecten uit de periode elke stap bereikten; "
                "trajecten die nog lopen, kunnen later nog doorstromen."
            ),
            bar_chart(funnel(results), bar_width=92),
            _("aantal"),
        ),
        Chart(
            "leeftijd",
            _("Leeftijd bij aanmelding"),
            _("Aantal aanmeldingen per leeftijd van het kind in jaren."),
            bar_chart(age_distribution(results["age_registration"]), bar_width=40),
            _("aanmeldingen"),
        ),
        Chart(
            "aanbieders",
            _("Verwijzingen per aanbieder"),
            _("Verwijzingen in de periode per aanbieder van de sociale kaart."),
            bar_chart(per_provider(results["referrals_provider"]), bar_width=84),
            _("verwijzingen"),
        ),
        Chart(
            "cb-plus",
            _("CB-plus"),
            _(
                "Afgeronde CB-plus-consulten in de periode, en hoeveel daarvan leidden tot een "
                "aanmelding bij Integrale Vroeghulp."
            ),
            bar_chart(cbplus(results), bar_width=92),
            _("consulten"),
        ),
    ]
