"""What a parent sees about their child, in words a parent understands."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Intake, TeamMember
from vroeghulp.cases.states import Phase
from vroeghulp.followup.models import FollowUpPlan
from vroeghulp.meetings.models import AgendaItem

PHASE_WORDS = {
    Phase.REGISTERED: (
        _("Uw aanmelding is aangenomen."),
        _("Uw contactpersoon belt u om een eerste bezoek bij u thuis af te spreken."),
    ),
    Phase.INTAKE: (
        _("We maken kennis met u en uw kind."),
        _("Na het huisbezoek vragen we (met uw toestemming) informatie op bij anderen."),
    ),
    Phase.INFORMATION: (
        _("We verzamelen informatie over uw kind."),
        _("Daarna bespreken de specialisten uw kind in het overleg (MDO). U mag erbij zijn."),
    ),
    Phase.MEETING: (
        _("De specialisten bespreken uw kind."),
        _("Na het overleg krijgt u een adviesplan. Uw contactpersoon legt het uit."),
    ),
    Phase.ADVICE: (
        _("Het adviesplan wordt gemaakt en met u besproken."),
        _("U laat weten of u het eens bent met het plan."),
    ),
    Phase.EXECUTION: (
        _("U voert het plan uit, samen met uw contactpersoon."),
        _("Uw contactpersoon helpt bij het regelen van de hulp en houdt contact met u."),
    ),
    Phase.EVALUATION: (
        _("We kijken samen terug: wat is er bereikt?"),
        _("Daarna sluiten we het traject af, of gaan we verder met wat nog nodig is."),
    ),
    Phase.CLOSED: (
        _("Het traject is afgesloten."),
        _("Heeft u weer vragen? Neem dan contact op; u kunt altijd opnieuw hulp vragen."),
    ),
    Phase.FOLLOW_UP: (
        _("We houden een vinger aan de pols."),
        _("Uw contactpersoon neemt af en toe contact met u op om te horen hoe het gaat."),
    ),
}


@dataclass
class Appointment:
    what: str
    when: object


def contact_person(case):
    member = (
        TeamMember.objects.filter(case=case, team_role=TeamRole.CASEMANAGER, ended_at__isnull=True)
        .select_related("user")
        .first()
    )
    if member is None:
        member = (
            TeamMember.objects.filter(
                case=case, ended_at__isnull=True, team_role=TeamRole.COORDINATOR
            )
            .select_related("user")
            .first()
        )
    if member is None:
        return None
    organisation = (
        member.user.memberships.filter(network=case.network).select_related("organisation").first()
    )
    return {
        "name": member.user.full_name,
        "organisation": organisation.organisation.name if organisation else "",
        "phone": member.user.phone,
        "email": member.user.email,
    }


def appointments(case) -> list[Appointment]:
    today = timezone.localdate()
    found = []
    intake = Intake.objects.filter(case=case).first()
    if intake and intake.home_visit_on and intake.home_visit_on >= today:
        found.append(Appointment(_("Huisbezoek"), intake.home_visit_on))
    for item in AgendaItem.objects.filter(
        case=case, meeting__starts_at__gte=timezone.now()
    ).select_related("meeting"):
        found.append(
            Appointment(
                _("Overleg van de specialisten (MDO)"), timezone.localtime(item.meeting.starts_at)
            )
        )
    plan = FollowUpPlan.objects.filter(case=case, active=True).first()
    if plan and plan.next_check_on:
        found.append(Appointment(_("Contact om te horen hoe het gaat"), plan.next_check_on))
    # the next consult or home visit of a premature child's schedule
    visit = case.premature_visits.filter(done_on__isnull=True, planned_on__gte=today).first()
    if visit:
        found.append(
            Appointment(
                _("%(kind)s (gecorrigeerde leeftijd %(months)d maanden)")
                % {"kind": visit.get_kind_display(), "months": visit.corrected_months},
                visit.planned_on,
            )
        )
    return found
