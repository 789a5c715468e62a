"""Exit 0 when the audit log's hash chain is intact and agrees with every signed checkpoint, then
sign its head in a new checkpoint; exit 1 naming the first problem otherwise."""

from django.core.management.base import BaseCommand

from vroeghulp.audit.checkpoints import checkpoint_file
from vroeghulp.audit.verification import verified_or_exit


class Command(BaseCommand):
    help = "Verify the hash chain of the NEN 7513 audit log against its signed checkpoints."

    def handle(self, *args, **options):
        state, checkpoint = verified_or_exit(self.stderr, whole_chain=True)
        self.stdout.write(f"Audit log intact: {state.verified} entries verified.")
        if checkpoint is not None:
            self.stdout.write(
                f"Checkpoint at entry {state.sequence} written to {checkpoint_file()}."
            )
