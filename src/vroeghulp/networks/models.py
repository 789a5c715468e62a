"""A regional IVH network, its municipalities, organisations and configuration."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    CORRECTED_AGE_UNTIL_MONTHS,
    MONTHS,
    PREMATURE_THRESHOLD_WEEKS,
    REPORT_CYCLES,
    Discipline,
    FollowUpMode,
    OrganisationalModel,
    OrganisationKind,
    PartnerType,
    PrematureVisitKind,
    TierKind,
    default_premature_schedule,
)
from .logos import logo_path, logo_storage, validate_png


def default_core_disciplines() -> list[str]:
    return [Discipline.COORDINATOR, Discipline.ORTHOPEDAGOOG, Discipline.PAEDIATRICIAN]


class Network(models.Model):
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("korte naam in adressen"), unique=True)
    name = models.CharField(_("naam"), max_length=200)
    organisational_model = models.CharField(
        _("organisatiemodel"),
        max_length=8,
        choices=OrganisationalModel.choices,
        default=OrganisationalModel.FIELD_PARTNERS,
    )
    callback_deadline_days = models.PositiveSmallIntegerField(
        _("terugbeltermijn (dagen)"), default=14
    )
    min_age_years = models.PositiveSmallIntegerField(_("minimumleeftijd (jaren)"), default=0)
    max_age_years = models.PositiveSmallIntegerField(_("maximumleeftijd (jaren)"), default=7)
    core_team_disciplines = models.JSONField(
        _("disciplines kernteam"), default=default_core_disciplines
    )
    parents_attend_meeting_by_default = models.BooleanField(
        _("ouders standaard bij het MDO"), default=True
    )
    logo = models.FileField(
        _("logo (PNG)"),
        upload_to=logo_path,
        storage=logo_storage,
        blank=True,
        validators=[validate_png],
        help_text=_("Staat op het adviesplan. Een PNG-bestand van hoogstens 1 MB."),
    )
    public_registration_enabled = models.BooleanField(
        _("ouders kunnen zelf aanmelden via het webformulier"), default=True
    )
    referral_required = models.BooleanField(_("aanmelding alleen via een verwijzer"), default=False)
    advice_without_meeting = models.BooleanField(
        _("advies zonder MDO toegestaan"),
        default=False,
        db_default=False,
        help_text=_(
            "Aan: de trajectbegeleider mag, met instemming van de ouders, advies geven "
            "zonder teambespreking, en legt vast waarom. Uit: advies komt altijd na de "
            "conclusie van een MDO."
        ),
    )
    pre_discussion_without_parents = models.BooleanField(
        _("team bespreekt eerst zonder de ouders"),
        default=False,
        db_default=False,
        help_text=_(
            "Aan: elke bespreking in het MDO heeft twee delen: eerst het team zonder de ouders, "
            "dan met de ouders. De ouders zien in het portaal alleen het tweede deel en de "
            "conclusie."
        ),
    )
    follow_up_mode = models.CharField(
        _("langdurige trajectbegeleiding"),
        max_length=12,
        choices=FollowUpMode.choices,
        default=FollowUpMode.PROACTIVE,
        db_default=FollowUpMode.PROACTIVE,
    )
    report_every_months = models.PositiveSmallIntegerField(
        _("verantwoording aan de financier"),
        choices=REPORT_CYCLES,
        default=12,
        db_default=12,
        help_text=_("Bijvoorbeeld elke 4 maanden: de monitoring biedt per periode een verslag."),
    )
    report_cycle_starts_month = models.PositiveSmallIntegerField(
        _("eerste maand van de cyclus"),
        choices=MONTHS,
        default=1,
        db_default=1,
        help_text=_(
            "Elke 4 maanden vanaf januari: januari–april, mei–augustus, september–december."
        ),
    )
    hours_budget = models.PositiveSmallIntegerField(
        _("urenbudget per traject"),
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld 60. Leeg: geen budget; de uren worden wel bijgehouden."),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren na afsluiten)"),
        default=20,
        validators=[MinValueValidator(1)],
        help_text=_("De Jeugdwet: 20 jaar. Daarna vernietigt apply_retention het dossier."),
    )
    access_log_shows_names = models.BooleanField(
        _("ouders zien in 'wie keek er' ook de naam van de medewerker"),
        default=False,
        help_text=_("Uit: ouders zien organisatie en rol, niet de naam."),
    )
    premature_threshold_weeks = models.PositiveSmallIntegerField(
        _("prematuur: geboren vóór (weken)"),
        default=PREMATURE_THRESHOLD_WEEKS,
        db_default=PREMATURE_THRESHOLD_WEEKS,
        validators=[MinValueValidator(24), MaxValueValidator(37)],
        help_text=_(
            "Kinderen die vóór zoveel weken zwangerschap geboren zijn, volgt het netwerk op "
            "gecorrigeerde leeftijd. Meestal 32."
        ),
    )
    corrected_age_until_months = models.PositiveSmallIntegerField(
        _("gecorrigeerde leeftijd tot (maanden)"),
        default=CORRECTED_AGE_UNTIL_MONTHS,
        db_default=CORRECTED_AGE_UNTIL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
        help_text=_(
            "Tot deze gecorrigeerde leeftijd staat de gecorrigeerde leeftijd naast de "
            "kalenderleeftijd en loopt het schema. Meestal 24."
        ),
    )
    premature_schedule = models.JSONField(
        _("schema consulten en huisbezoeken (gecorrigeerde maanden)"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: het standaardschema (gecorrigeerd 0, 3, 6, 9, 12, 18 en 24 maanden). "
            'Anders per moment de gecorrigeerde leeftijd in maanden en de soort: "consult" of '
            '"home_visit", bijvoorbeeld [{"months": 0, "kind": "home_visit"}, '
            '{"months": 3, "kind": "consult"}].'
        ),
    )
    child_say_from_age = models.PositiveSmallIntegerField(
        _("kinderen vanaf deze leeftijd worden zelf ook gevraagd"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_(
            "Bijvoorbeeld 12 voor een netwerk dat kinderen tot 12 jaar helpt. Leeg: uit. Aan: "
            "een toestemming voor een kind van deze leeftijd geldt pas als het kind zelf ook "
            "heeft ingestemd."
        ),
    )

    class Meta:
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.min_age_years > self.max_age_years:
            raise ValidationError(_("De minimumleeftijd is hoger dan de maximumleeftijd."))
        unknown = set(self.core_team_disciplines or []) - set(Discipline.values)
        if unknown:
            raise ValidationError({"core_team_disciplines": _("Onbekende discipline.")})
        schedule = self.premature_schedule
        if schedule is not None and not valid_premature_schedule(
            schedule, self.corrected_age_until_months
        ):
            raise ValidationError(
                {
                    "premature_schedule": _(
                        "Geef een lijst van momenten, elk met een gecorrigeerde leeftijd in "
                        "maanden (0 tot en met de grens) en de soort consult of home_visit."
                    )
                }
            )

    @property
    def accepts_public_registrations(self) -> bool:
        return self.public_registration_enabled and not self.referral_required

    @property
    def follow_up_on_request(self) -> bool:
        return self.follow_up_mode == FollowUpMode.ON_REQUEST

    @property
    def premature_moments(self) -> list[dict]:
        """The moments of the premature follow-up: the network's own, or the default."""
        if self.premature_schedule is None:
            return default_premature_schedule()
        return self.premature_schedule


def valid_premature_schedule(schedule, until_months: int) -> bool:
    if not isinstance(schedule, list):
        return False
    for moment in schedule:
        if not isinstance(moment, dict) or set(moment) != {"months", "kind"}:
            return False
        months = moment["months"]
        if not isinstance(months, int) or isinstance(months, bool):
            return False
        if not 0 <= months <= until_months or moment["kind"] not in PrematureVisitKind.values:
            return False
    return True


class Municipality(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="municipalities", verbose_name=_("netwerk")
    )
    cbs_code = models.CharField(
        _("CBS-gemeentecode"), max_length=6, help_text=_("Bijvoorbeeld GM0268.")
    )
    name = models.CharField(_("naam"), max_length=100)
    children_0_7 = models.PositiveIntegerField(_("aantal kinderen 0–7 jaar"), null=True, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "cbs_code"], name="uniq_municipality_code")
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="organisations", verbose_name=_("netwerk")
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=24, choices=OrganisationKind.choices)
    partner_type = models.CharField(
        _("partnerschap"), max_length=8, choices=PartnerType.choices, default=PartnerType.CHAIN
    )
    email = models.EmailField(
        _("e-mailadres voor berichten"),
        blank=True,
        db_default="",
        help_text=_("Bijvoorbeeld van de intern begeleider: hier komt het bericht van afsluiten."),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="uniq_organisation_name")
        ]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A named set of the network's municipalities: one of the fixed groupings the monitoring
    offers (besides one municipality and the whole network), so analysts cannot combine
    municipalities freely and difference small counts out of the totals."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="regions", verbose_name=_("netwerk")
    )
    name = models.CharField(_("naam"), max_length=100)
    municipalities = models.ManyToManyField(
        Municipality, related_name="regions", verbose_name=_("gemeenten")
    )

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="uniq_region_name")]

    def __str__(self) -> str:
        return self.name


class TeamTier(models.Model):
    """One of a network's teams that discuss children: a local core team (for example a youth
    doctor and a behavioural scientist for a few municipalities) or the provincial team of
    specialists for complex cases. The case's coordinator and casemanager choose one per case."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="tiers", verbose_name=_("netwerk")
    )
    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(_("soort"), max_length=12, choices=TierKind.choices)
    disciplines = models.JSONField(
        _("samenstelling (disciplines)"),
        default=list,
        blank=True,
        help_text=_("Welke disciplines in dit team zitten."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="tiers",
        blank=True,
        verbose_name=_("gemeenten"),
        help_text=_("Voor welke gemeenten dit team werkt (leeg: het hele netwerk)."),
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("teamniveau")
        verbose_name_plural = _("teamniveaus")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="uniq_tier_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = set(self.disciplines or []) - set(Discipline.values)
        if unknown:
            raise ValidationError({"disciplines": _("Onbekende discipline.")})

    def discipline_labels(self) -> list[str]:
        labels = dict(Discipline.choices)
        return [str(labels[d]) for d in self.disciplines if d in labels]
