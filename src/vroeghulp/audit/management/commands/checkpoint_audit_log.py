"""Sign the audit log's head in a checkpoint outside the database, after verifying the entries
since the last checkpoint (the daily verify_audit_log checks the whole chain).

Idempotent: a head that the last checkpoint already holds is not written again. Run from cron, or
with --loop beside the web server (every AUDIT_CHECKPOINT_SECONDS). Exit 1 naming the problem when
the log does not verify; nothing is signed then.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from vroeghulp.audit.verification import verified_or_exit


class Command(BaseCommand):
    help = "Verify the audit log since the last checkpoint and sign its head in a new one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="keep running, every AUDIT_CHECKPOINT_SECONDS"
        )

    def handle(self, *args, loop: bool, **options):
        while True:
            self.checkpoint()
            if not loop:
                return
            time.sleep(settings.AUDIT_CHECKPOINT_SECONDS)

    def checkpoint(self) -> None:
        state, checkpoint = verified_or_exit(self.stderr, whole_chain=False)
        if checkpoint is None:
            self.stdout.write(f"Checkpoint at entry {state.sequence} was already written.")
        else:
            # verified: the entries from the previous checkpoint's own entry on
            self.stdout.write(
                f"Checkpoint at entry {state.sequence} written ({state.verified} entries verified)."
            )
