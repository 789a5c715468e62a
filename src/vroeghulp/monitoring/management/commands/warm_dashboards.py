"""Compute the dashboards' default figures before anyone asks. Safe to run twice; --loop for a
daemon that keeps them fresh (each round well within MONITORING_CACHE_SECONDS).

For every distinct set of networks a coordinator or analyst sees: the indicators of this year
and last year, and the falling-inflow signals; for every coordinator's set, the work list's
signals. Only aggregates are computed; nothing about a child is read into a log or the output.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import translation

from vroeghulp.accounts.constants import Role
from vroeghulp.monitoring.cache import default_scopes, figures, signals
from vroeghulp.monitoring.queries import AGGREGATE_ROLES, network_sets


class Command(BaseCommand):
    help = "Compute the monitoring dashboards' default figures into the shared cache."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep them fresh, until stopped")

    def handle(self, *args, loop: bool, **options):
        if not settings.MONITORING_CACHE_SECONDS:
            raise CommandError("MONITORING_CACHE_SECONDS is 0: nothing is kept, nothing to warm.")
        translation.activate(settings.LANGUAGE_CODE)
        while True:
            started = time.monotonic()
            sets = self.warm_once()
            took = time.monotonic() - started
            self.stdout.write(f"{sets} sets of networks computed in {took:.1f} s")
            if not loop:
                return
            connections.close_all()
            # Again before the oldest entry of this round expires, with a margin of one round.
            time.sleep(max(settings.MONITORING_CACHE_SECONDS - 2 * took, 10))

    def warm_once(self) -> int:
        dashboards = network_sets(*AGGREGATE_ROLES)
        for networks in dashboards:
            figures(default_scopes(networks), refresh=True)
            signals(networks, refresh=True)
        work_lists = [s for s in network_sets(Role.COORDINATOR) if s not in dashboards]
        for networks in work_lists:
            signals(networks, refresh=True)
        return len(dashboards) + len(work_lists)
