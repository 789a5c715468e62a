"""Exit 0 when the audit log's hash chain is intact, 1 naming the first broken entry otherwise."""

import sys

from django.core.management.base import BaseCommand

from vroeghulp.audit.models import AuditEntry
from vroeghulp.audit.verification import find_first_break


class Command(BaseCommand):
    help = "Verify the hash chain of the NEN 7513 audit log."

    def handle(self, *args, **options):
        problem = find_first_break()
        if problem is not None:
            self.stderr.write(f"Audit log broken at entry {problem.sequence}: {problem.reason}.")
            sys.exit(1)
        self.stdout.write(f"Audit log intact: {AuditEntry.objects.count()} entries verified.")
