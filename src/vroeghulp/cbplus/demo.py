"""The demo's CB-plus work: a CB-plus worker at the well-baby clinic, one consult that stands
alone, one that became a registration with IVH (waiting for the coordinator), one in draft."""

import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.models import Membership, User
from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.networks.constants import Discipline, OrganisationKind

from . import actions

CBPLUS_EMAIL = "cbplus@vroeghulp.test"


def seed(network, users: dict, *, password: str, totp_key: str) -> None:
    clinic = network.organisations.filter(kind=OrganisationKind.YOUTH_HEALTH_CARE).first()
    worker = User.objects.create_user(
        CBPLUS_EMAIL, password, full_name="Fleur Aydın", discipline=Discipline.YOUTH_DOCTOR
    )
    Membership.objects.create(user=worker, network=network, organisation=clinic, role=Role.CBPLUS)
    TOTPDevice.objects.create(user=worker, name="demo", key=totp_key, confirmed=True)
    today = timezone.localdate()
    pedagogue = users["orthopedagoog@vroeghulp.test"]

    standalone = _consult(
        clinic,
        worker,
        today - datetime.timedelta(days=20),
        actions.NewChild(
            "Daan",
            "Smit",
            today - datetime.timedelta(days=540),
            Sex.MALE,
            "Kim Smit",
            GuardianRelation.MOTHER,
            "06-40001234",
        ),
        "Loopt nog niet los; ouders vragen of dat erg is.",
    )
    _work(
        standalone,
        worker,
        [
            ("Fleur Aydın", Discipline.YOUTH_DOCTOR, None),
            ("Joost Peters", Discipline.PHYSIOTHERAPIST, None),
        ],
        [
            (Discipline.YOUTH_DOCTOR, "Groei en gezondheid goed; staat met steun."),
            (Discipline.PHYSIOTHERAPIST, "Spierspanning iets laag; kruipt en trekt zich op."),
        ],
        "Oefeningen thuis; over drie maanden terug op het consultatiebureau.",
    )

    registered = _consult(
        clinic,
        worker,
        today - datetime.timedelta(days=6),
        actions.NewChild(
            "Lina",
            "El Amrani",
            today - datetime.timedelta(days=900),
            Sex.FEMALE,
            "Samira El Amrani",
            GuardianRelation.MOTHER,
            "06-40005678",
        ),
        "Zegt weinig woordjes en speelt veel alleen.",
    )
    _work(
        registered,
        worker,
        [
            ("Fleur Aydın", Discipline.YOUTH_DOCTOR, None),
            ("Sanne Logo", Discipline.SPEECH_THERAPIST, None),
            (pedagogue.full_name, Discipline.PEDAGOGUE, pedagogue),
        ],
        [
            (Discipline.YOUTH_DOCTOR, "Gehoor goed (OAE bij geboorte en nu); groeit goed."),
            (Discipline.SPEECH_THERAPIST, "Ongeveer tien woordjes; begrijpt meer dan zij zegt."),
            (Discipline.PEDAGOGUE, "Weinig gedeelde aandacht; speelt vooral alleen."),
        ],
        "Aanmelden bij Integrale Vroeghulp voor breder onderzoek; ouders zijn akkoord.",
    )
    registered.refresh_from_db()
    actions.register_with_ivh(
        registered,
        actor=worker,
        concern="Taal en contact: breder onderzoek gewenst.",
        parents_agreed=True,
        version=registered.version,
    )

    _consult(
        clinic,
        worker,
        today,
        actions.NewChild(
            "Noah",
            "Bos",
            today - datetime.timedelta(days=300),
            Sex.MALE,
            "Ruben Bos",
            GuardianRelation.FATHER,
        ),
        "Drinkt moeizaam en huilt veel.",
    )


def _consult(clinic, worker, held_on, child, question):
    return actions.start_consult(
        clinic,
        actor=worker,
        held_on=held_on,
        duration_minutes=45,
        parents_present=True,
        question=question,
        new_child=child,
    )


def _work(consult, worker, participants, findings, advice):
    for name, discipline, user in participants:
        actions.add_participant(consult, actor=worker, name=name, discipline=discipline, user=user)
    for discipline, text in findings:
        actions.add_finding(consult, actor=worker, discipline=discipline, text=text)
    consult.refresh_from_db()
    actions.save_advice(
        consult, actor=worker, advice=advice, version=consult.version, conclude=True
    )
