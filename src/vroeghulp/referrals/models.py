"""A registration as it came in: route, referrer, concerns, earlier examinations, the child."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.constants import GuardianRelation, Sex
from vroeghulp.children.models import Child
from vroeghulp.networks.models import Municipality, Network, Organisation

from .constants import DeclineKind, Language, Route, Status


class Registration(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="registrations")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    route = models.CharField(_("route"), max_length=16, choices=Route.choices)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.NEW)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    callback_due_on = models.DateField(_("terugbellen uiterlijk"))
    version = models.PositiveIntegerField(default=1)

    # Who registered.
    referrer_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    referrer_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie verwijzer"),
    )
    referrer_name = models.CharField(_("naam verwijzer"), max_length=200, blank=True)
    referrer_role = models.CharField(_("functie verwijzer"), max_length=100, blank=True)
    parents_agreed = models.BooleanField(_("ouders zijn akkoord met de aanmelding"), default=False)

    # The concern, in the referrer's and in the parents' own words.
    concern_referrer = models.TextField(_("zorg in woorden van de verwijzer"), blank=True)
    concern_parents = models.TextField(_("zorg in woorden van de ouders"), blank=True)
    first_concern_on = models.DateField(_("eerste zorg sinds"), null=True, blank=True)

    # The child as registered; becomes a Child when the registration is accepted.
    child_given_name = models.CharField(_("voornaam kind"), max_length=100)
    child_family_name = models.CharField(_("achternaam kind"), max_length=100)
    child_date_of_birth = models.DateField(_("geboortedatum kind"))
    child_sex = models.CharField(
        _("geslacht"), max_length=1, choices=Sex.choices, default=Sex.OTHER
    )
    child_gestational_age_weeks = models.PositiveSmallIntegerField(
        _("zwangerschapsduur (weken)"), null=True, blank=True
    )
    child_gestational_age_days = models.PositiveSmallIntegerField(
        _("zwangerschapsduur (dagen na de hele weken)"), null=True, blank=True
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("woongemeente"),
    )
    # [{"full_name", "relation", "has_custody", "email", "phone", "preferred_language"}]
    guardians = models.JSONField(default=list)

    # Parents confirm a referrer's pre-registration through a link; only its hash is stored.
    confirmation_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmation_email = models.EmailField(blank=True)
    confirmation_expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    # Abuse protection for the public form: a keyed hash of the address, never the address.
    submitter_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)

    called_back_at = models.DateTimeField(_("teruggebeld op"), null=True, blank=True)
    callback_note = models.TextField(_("notitie terugbelgesprek"), blank=True)

    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.TextField(_("reden"), blank=True)
    decline_kind = models.CharField(
        _("soort reden"), max_length=16, choices=DeclineKind.choices, blank=True
    )
    referred_to = models.CharField(_("verwezen naar"), max_length=200, blank=True)
    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, null=True, blank=True, related_name="registrations"
    )

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        indexes = [
            models.Index(fields=["network", "status", "callback_due_on"], name="reg_worklist"),
            models.Index(fields=["network", "child_date_of_birth"], name="reg_dob"),
            models.Index(fields=["network", "received_at"], name="reg_network_received"),
        ]

    def __str__(self) -> str:
        return f"{_('Aanmelding')} {str(self.code)[:8]}"

    @property
    def child_full_name(self) -> str:
        return f"{self.child_given_name} {self.child_family_name}"

    def guardian_rows(self) -> list[dict]:
        """The guardians as submitted, with readable relation and language."""
        relations, languages = dict(GuardianRelation.choices), dict(Language.choices)
        return [
            {
                **guardian,
                "relation_label": relations.get(guardian.get("relation"), ""),
                "language_label": languages.get(guardian.get("preferred_language", "nl"), ""),
            }
            for guardian in self.guardians
        ]


class EarlierExamination(models.Model):
    """What was already observed or examined (an earlier finding), so it is not done again.

    Entered with the registration or later in the child's file; once the registration is
    accepted it belongs to the child, shown at intake, on the case and in the meeting pack.
    """

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="earlier_examinations",
        null=True,
        blank=True,
    )
    child = models.ForeignKey(
        Child,
        on_delete=models.CASCADE,
        related_name="earlier_findings",
        null=True,
        blank=True,
    )
    what = models.CharField(_("wat"), max_length=300)
    by_whom = models.CharField(_("door wie"), max_length=200, blank=True)
    when = models.DateField(_("wanneer"), null=True, blank=True)
    outcome = models.TextField(_("wat kwam eruit"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("eerder onderzoek")
        verbose_name_plural = _("eerdere onderzoeken")
        ordering = ["when", "pk"]

    def __str__(self) -> str:
        return self.what
