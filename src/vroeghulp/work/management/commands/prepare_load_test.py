"""Give some professionals of a seed_scale dataset a password and a second factor for a load test.

Only for synthetic datasets: it refuses to touch accounts outside the seed_scale domain. Writes
the accounts and their cases as JSON for benchmarks/locustfile.py.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import User
from vroeghulp.cases.models import TeamMember

SYNTHETIC_DOMAIN = "@schaal.invalid"
LOAD_TEST_TOTP_KEY = "4c6f6164746573742d6b65792d30303030303030"


class Command(BaseCommand):
    help = "Prepare seed_scale professionals for the load test (password, TOTP, JSON of cases)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--password", required=True)
        parser.add_argument("--output", default="benchmarks/results/load-users.json")

    def handle(self, *args, users: int, password: str, output: str, **options):
        chosen = list(
            User.objects.filter(
                email__endswith=SYNTHETIC_DOMAIN,
                memberships__role__in=[Role.COORDINATOR, Role.CASEMANAGER],
            ).order_by("pk")[:users]
        )
        if not chosen:
            raise CommandError("No synthetic professionals: run seed_scale first.")
        accounts = []
        for user in chosen:
            user.set_password(password)
            user.save(update_fields=["password"])
            TOTPDevice.objects.filter(user=user).delete()
            TOTPDevice.objects.create(
                user=user, name="load test", key=LOAD_TEST_TOTP_KEY, confirmed=True
            )
            codes = TeamMember.objects.filter(user=user, ended_at__isnull=True).values_list(
                "case__code", flat=True
            )[:20]
            coordinator = user.memberships.filter(role=Role.COORDINATOR).exists()
            accounts.append(
                {
                    "email": user.email,
                    "coordinator": coordinator,
                    "cases": [str(code) for code in codes],
                }
            )
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w") as file:
            json.dump({"totp_key": LOAD_TEST_TOTP_KEY, "accounts": accounts}, file)
        self.stdout.write(f"{len(accounts)} accounts written to {output}")
