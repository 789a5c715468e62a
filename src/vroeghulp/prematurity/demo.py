"""Demo data: one child born at 27 weeks and 1 day, in execution, with a schedule and a handover.

Called with one line from seed_demo; it uses the demo builder's network, users and walk through
the phases, and the same actions as the application.
"""

import datetime

from django.utils import timezone

from vroeghulp.calendar_months import add_months
from vroeghulp.cases.actions import accept_registration
from vroeghulp.cases.models import Case
from vroeghulp.cases.states import Phase
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.referrals.actions import RegistrationData, record_callback, record_staff_registration
from vroeghulp.referrals.constants import Route

from . import actions
from .constants import HandoverMode
from .models import PrematureVisit


def seed(builder) -> Case:
    network, users = builder.network, builder.users
    coordinator = users["coordinator@vroeghulp.test"]
    casemanager = users["casemanager@vroeghulp.test"]
    today = timezone.localdate()
    # the visit at 6 months corrected falls in a few days, so it is on the work list
    due_on = add_months(today + datetime.timedelta(days=5), -6)
    born = due_on - datetime.timedelta(days=90)  # 27+1: 12 weeks and 6 days early
    received = timezone.now() - datetime.timedelta(days=(today - due_on).days - 7)
    registration = record_staff_registration(
        network,
        actor=coordinator,
        route=Route.PHONE,
        received_at=received,
        data=RegistrationData(
            child_given_name="Sam",
            child_family_name="Veenstra",
            child_date_of_birth=born,
            child_sex=Sex.MALE,
            child_gestational_age_weeks=27,
            child_gestational_age_days=1,
            municipality=builder.municipalities[0],
            concern_parents="Sam is veel te vroeg geboren. Hij drinkt moeizaam en is snel moe.",
            concern_referrer="NICU-nazorg: prematuur 27+1, follow-up op gecorrigeerde leeftijd.",
            referrer_name="Kinderarts neonatologie",
            guardians=[
                {
                    "full_name": "Lotte Veenstra",
                    "relation": GuardianRelation.MOTHER,
                    "phone": "06-12345678",
                },
                {"full_name": "Daan Veenstra", "relation": GuardianRelation.FATHER},
            ],
        ),
    )
    record_callback(
        registration,
        actor=coordinator,
        called_back_at=received + datetime.timedelta(days=2),
        note="Moeder gebeld; huisbezoek afgesproken.",
        version=registration.version,
    )
    registration.refresh_from_db()
    case = accept_registration(registration, actor=coordinator, version=registration.version)
    builder.assign_team(case, 1, received + datetime.timedelta(days=2))
    case = Case.objects.select_related("child", "network").get(pk=case.pk)
    builder.add_intake_notes_and_consent(case, received)
    builder.walk_to(case, Phase.EXECUTION, received)
    case = Case.objects.select_related("child", "network").get(pk=case.pk)
    actions.plan_schedule(case, actor=casemanager)
    for visit in PrematureVisit.objects.filter(case=case, planned_on__lt=today):
        actions.record_visit(
            visit,
            actor=casemanager,
            version=visit.version,
            done_on=visit.planned_on,
            notes="Groeit goed op de eigen curve; motoriek past bij de gecorrigeerde leeftijd.",
        )
    actions.record_handover(
        case,
        actor=casemanager,
        on=(received + datetime.timedelta(days=3)).date(),
        from_name="Anja de Vries",
        from_role="verpleegkundige NICU, Radboudumc",
        to_name="Petra Jansen",
        to_role="jeugdverpleegkundige, consultatiebureau",
        mode=HandoverMode.IN_PERSON,
        notes="Samen thuis: voeding, slaap en het schema op gecorrigeerde leeftijd besproken.",
    )
    return case
