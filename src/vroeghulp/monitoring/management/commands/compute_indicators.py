"""Print every indicator for one network and period, as JSON (aggregates only, no children).

The exact figures are for the operators on the server (who can read the database anyway);
`published` holds what the dashboard and the exports show, the only form that may leave.
"""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.monitoring.indicators import INDICATORS, Scope, compute_all
from vroeghulp.monitoring.presentation import display
from vroeghulp.networks.models import Network


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Compute the monitoring indicators for a network and period."

    def add_arguments(self, parser):
        parser.add_argument("--network", required=True, help="the network's slug")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, network: str, start: str, end: str, **options):
        found = Network.objects.filter(slug=network).first()
        if found is None:
            raise CommandError(f"No network with slug {network!r}.")
        scope = Scope(networks=[found], start=_date(start), end=_date(end))
        if scope.start > scope.end:
            raise CommandError("--from lies after --to.")
        results = compute_all(scope)
        output = {
            "network": found.slug,
            "from": scope.start.isoformat(),
            "to": scope.end.isoformat(),
            "indicators": {
                indicator.key: {
                    "name": str(indicator.name),
                    "unit": indicator.unit,
                    **results[indicator.key].as_dict(),
                    "published": display(indicator.unit, results[indicator.key])[0],
                }
                for indicator in INDICATORS
            },
        }
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))
