"""Exit 0 when the audit log's hash chain is intact and agrees with every signed checkpoint, then
sign its head in a new checkpoint; exit 1 naming the first problem otherwise."""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand

from vroeghulp.audit.checkpoints import CheckpointError, checkpoint_file
from vroeghulp.audit.verification import verify_and_checkpoint


class Command(BaseCommand):
    help = "Verify the hash chain of the NEN 7513 audit log against its signed checkpoints."

    def handle(self, *args, **options):
        try:
            state, checkpoint = verify_and_checkpoint(whole_chain=True)
        except (CheckpointError, ImproperlyConfigured) as error:
            self.stderr.write(f"Audit log cannot be trusted: {error}.")
            sys.exit(1)
        if state.problem is not None:
            problem = state.problem
            self.stderr.write(f"Audit log broken at entry {problem.sequence}: {problem.reason}.")
            sys.exit(1)
        self.stdout.write(f"Audit log intact: {state.verified} entries verified.")
        if checkpoint is not None:
            self.stdout.write(
                f"Checkpoint at entry {state.sequence} written to {checkpoint_file()}."
            )
