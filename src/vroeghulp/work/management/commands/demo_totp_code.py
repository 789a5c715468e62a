"""Print the current second-factor code of the demo users (demo only: they share one key)."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from vroeghulp.networks.models import Network

from .seed_demo import DEMO_SLUG, DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current TOTP code for the demo users."

    def handle(self, *args, **options):
        if not Network.objects.filter(slug=DEMO_SLUG).exists():
            raise CommandError("No demo network: run seed_demo first.")
        self.stdout.write(f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
