"""Destroy the files and registrations whose retention period is over (retention/rules.py).

Idempotent: what is destroyed is gone, what is not yet due is left alone. Run daily from cron,
or with --loop beside the web server; --dry-run only counts. The output names no child.
"""

import time

from django.core.management.base import BaseCommand

from vroeghulp.networks.models import Network
from vroeghulp.retention.actions import destroy_child_file, destroy_registration
from vroeghulp.retention.rules import due_children, due_consult_children, due_registrations

DAY = 24 * 3600


class Command(BaseCommand):
    help = "Destroy children's files and registrations past the network's retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, destroy nothing")
        parser.add_argument("--loop", action="store_true", help="keep running, once a day")

    def handle(self, *args, dry_run: bool, loop: bool, **options):
        while True:
            for network in Network.objects.order_by("slug"):
                self.apply(network, dry_run)
            if not loop:
                return
            time.sleep(DAY)

    def apply(self, network: Network, dry_run: bool) -> None:
        children = list(due_children(network)) + list(due_consult_children(network))
        registrations = list(due_registrations(network))
        if not dry_run:
            children = [child for child in children if destroy_child_file(child)]
            for registration in registrations:
                destroy_registration(registration)
        verb = "due" if dry_run else "destroyed"
        self.stdout.write(
            f"{network.slug}: {len(children)} files and {len(registrations)} registrations {verb} "
            f"(retention {network.retention_years} years)"
        )
