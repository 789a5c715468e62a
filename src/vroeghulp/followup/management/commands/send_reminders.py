"""E-mail casemanagers about check-ins and evaluations due within a week, and professionals
about advice items of theirs whose date has come. Safe to run twice; --loop for a daemon.

The e-mails name no child: they say how many are due and link to the list that shows them.
"""

import datetime
import time

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import TeamMember
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.networks.constants import FollowUpMode
from vroeghulp.plans.constants import FINISHED_STATUSES
from vroeghulp.plans.models import Arrangement, PlanItem

LOOKAHEAD_DAYS = 7


def due_plans():
    """Planned check-ins due within a week; a network where follow-up runs on request plans
    none and gets no reminders (its contacts follow a request, shown on the work list)."""
    horizon = timezone.localdate() + datetime.timedelta(days=LOOKAHEAD_DAYS)
    return (
        FollowUpPlan.objects.filter(active=True, next_check_on__lte=horizon)
        .exclude(reminded_for=F("next_check_on"))
        .exclude(case__network__follow_up_mode=FollowUpMode.ON_REQUEST)
    )


class Command(BaseCommand):
    help = "Send reminders for follow-up check-ins that are due."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running, once an hour")

    def handle(self, *args, loop: bool, **options):
        while True:
            sent = self.send_once()
            self.stdout.write(f"{sent} reminder e-mail(s) sent.")
            if not loop:
                return
            time.sleep(3600)

    def send_once(self) -> int:
        return self.send_check_ins() + self.send_evaluations() + self.send_plan_items()

    def send_plan_items(self) -> int:
        """Advice items whose date has come, once per item and date, to the professional
        responsible while they are on the child's team (the work list's own rule)."""
        today = timezone.localdate()
        on_team = TeamMember.objects.filter(
            case_id=OuterRef("plan__case_id"), user_id=OuterRef("responsible_id"), ended_at=None
        )
        per_user: dict = {}
        with transaction.atomic():
            due = list(
                PlanItem.objects.select_for_update(of=("self",))
                .filter(due_on__lte=today, reminded_on__isnull=True, responsible__isnull=False)
                .exclude(status__in=FINISHED_STATUSES)
                .filter(Exists(on_team))
                .select_related("responsible")
            )
            for item in due:
                per_user[item.responsible] = per_user.get(item.responsible, 0) + 1
            # a queryset update: the day of a reminder is on no list, so no list need end
            PlanItem.objects.filter(pk__in=[item.pk for item in due]).update(reminded_on=today)
        return _tell(
            per_user,
            _("Adviezen met een datum"),
            _(
                "Voor %(n)d advies/adviezen waarvoor je verantwoordelijk bent, is de datum "
                "bereikt. Bekijk ze op Mijn werk: %(link)s"
            ),
            settings.SITE_URL + "/",
        )

    def send_evaluations(self) -> int:
        """Care–education arrangements due for evaluation within a week, once per arrangement."""
        horizon = timezone.localdate() + datetime.timedelta(days=LOOKAHEAD_DAYS)
        per_user: dict = {}
        with transaction.atomic():
            due = list(
                Arrangement.objects.select_for_update().filter(
                    evaluated_on__isnull=True, evaluate_on__lte=horizon, reminded_on__isnull=True
                )
            )
            members = TeamMember.objects.filter(
                case_id__in=[a.plan.case_id for a in due],
                team_role=TeamRole.CASEMANAGER,
                ended_at__isnull=True,
            ).select_related("user")
            for member in members:
                per_user[member.user] = per_user.get(member.user, 0) + 1
            for arrangement in due:
                arrangement.reminded_on = timezone.localdate()
                arrangement.save(update_fields=["reminded_on"])
        return _tell(
            per_user,
            _("Evaluatie schooladvies gepland"),
            _(
                "Er staan %(n)d evaluatie(s) van een onderwijs-zorgarrangement gepland. "
                "Bekijk ze op Mijn werk: %(link)s"
            ),
            settings.SITE_URL + "/",
        )

    def send_check_ins(self) -> int:
        per_user: dict = {}
        with transaction.atomic():
            plans = list(due_plans().select_for_update())
            members = TeamMember.objects.filter(
                case_id__in=[p.case_id for p in plans],
                team_role=TeamRole.CASEMANAGER,
                ended_at__isnull=True,
            ).select_related("user")
            for member in members:
                per_user.setdefault(member.user, 0)
                per_user[member.user] += 1
            for plan in plans:
                plan.reminded_for = plan.next_check_on
                plan.save(update_fields=["reminded_for"])
        return _tell(
            per_user,
            _("Check-ins gepland"),
            _("Er staan %(n)d check-in(s) gepland voor de komende week. Bekijk ze: %(link)s"),
            settings.SITE_URL + reverse("followup:list"),
        )


def _tell(per_user: dict, subject: str, body: str, link: str) -> int:
    """One e-mail per professional with how many things wait (no child named); how many went."""
    for user, count in per_user.items():
        send_mail(subject, body % {"n": count, "link": link}, None, [user.email])
    return len(per_user)
