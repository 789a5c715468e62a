"""A trajectory (traject) of one child, its team, its phase history and its timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.children.models import Child
from vroeghulp.choices import ChoiceLabels
from vroeghulp.networks.models import Network, Organisation, TeamTier

from .constants import (
    ClosingReason,
    ContactForm,
    DelayReason,
    DocumentKind,
    EventKind,
    GoalRealisation,
    ObservationSetting,
    ProblemReduction,
    RequestStatus,
    SupportResponse,
    TeamRole,
    TimeActivity,
    WaitingStage,
)
from .event_texts import EVENTS, stored_params, text_of
from .hours import hours_text
from .states import OPEN_PHASES, Phase
from .uploads import private_path, private_storage


class Case(ChoiceLabels, models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="cases")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    phase = models.CharField(
        _("fase"), max_length=16, choices=Phase.choices, default=Phase.REGISTERED
    )
    opened_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    # Kept by milestones.refresh_milestones for the monitoring; the source is elsewhere.
    casemanager_from = models.DateField(
        _("eerste casemanager"), null=True, blank=True, editable=False
    )
    visited_on = models.DateField(_("huisbezoek"), null=True, blank=True, editable=False)
    hours_total = models.DecimalField(
        _("uren geschreven"), max_digits=8, decimal_places=2, null=True, blank=True, editable=False
    )
    first_meeting_on = models.DateField(_("eerste MDO"), null=True, blank=True, editable=False)
    # When a team meeting last concluded on this trajectory; cleared when the child goes back
    # for further information or diagnostics. Advice needs it (states.needs_conclusion).
    meeting_concluded_at = models.DateTimeField(null=True, blank=True, editable=False)
    plan_discussed_on = models.DateField(
        _("adviesplan eerst besproken"), null=True, blank=True, editable=False
    )
    # The team (tier) that discusses this child, in a network with more than one; chosen by
    # the case's coordinator or casemanager (`choose_tier`), every choice kept in TierChoice.
    team_tier = models.ForeignKey(
        TeamTier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("teamniveau"),
        editable=False,
    )

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        indexes = [
            models.Index(fields=["network", "phase"], name="case_network_phase"),
            # the monitoring selects trajectories by the period they started in
            models.Index(fields=["network", "opened_at"], name="case_network_opened"),
            # the MDO page's waiting list: open trajectories the team has not discussed yet, a
            # small share of a network's history however long it grows
            models.Index(
                fields=["network", "opened_at"],
                condition=Q(first_meeting_on__isnull=True) & ~Q(phase=Phase.CLOSED),
                name="case_waiting_first_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Traject')} {str(self.code)[:8]}"


class TeamMember(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_teams"
    )
    team_role = models.CharField(_("rol in het team"), max_length=16, choices=TeamRole.choices)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        indexes = [models.Index(fields=["user", "ended_at"], name="team_user_active")]
        constraints = [
            # one active place per person and role: a second one made the coordinator appear
            # (and be e-mailed) twice; an ended place stays as history
            models.UniqueConstraint(
                fields=["case", "user", "team_role"],
                condition=Q(ended_at__isnull=True),
                name="team_one_active_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_team_role_display()} {self.pk}"


class PhaseTransition(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(max_length=16, choices=Phase.choices)
    to_phase = models.CharField(max_length=16, choices=Phase.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    # To advice without a team meeting's conclusion (a network that allows it): counted apart.
    without_meeting = models.BooleanField(default=False)
    # Advice without a meeting needs the parents' agreement; the professional confirms it.
    parents_agreed = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_phase} → {self.to_phase}"


class TimelineEventManager(models.Manager):
    def add(self, case, name: str, /, *, actor, at=None, professional_only=False, **params):
        return self.create(**event_fields(case, name, actor, at, professional_only, params))

    def add_to_open_cases(self, child, name: str, /, *, actor, **params) -> None:
        """One event on each open trajectory of the child (a consent is about the child)."""
        open_cases = Case.objects.filter(child=child, phase__in=OPEN_PHASES)
        self.bulk_create(
            TimelineEvent(**event_fields(case, name, actor, None, False, params))
            for case in open_cases
        )


def event_fields(case, name, actor, at, professional_only, params) -> dict:
    fields = {
        "case": case,
        "name": name,
        "kind": EVENTS[name].kind,
        "actor": actor,
        "params": stored_params(params),
        "professional_only": professional_only,
    }
    return fields | ({"at": at} if at is not None else {})


class TierChoice(models.Model):
    """Which team (tier) was chosen for a trajectory, by whom and why: the history behind
    `Case.team_tier`."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tier_choices")
    tier = models.ForeignKey(TeamTier, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("waarom dit team"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-chosen_at", "-pk"]

    def __str__(self) -> str:
        return f"teamniveau {self.pk}"


class TimelineEvent(models.Model):
    """What happened, stored as the name of the event and its parameters (event_texts.py), so
    it reads in the language of whoever reads it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    name = models.CharField(max_length=40, blank=True)
    params = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    # the finished sentence of an event written before events had names
    summary = models.CharField(max_length=300, blank=True)
    professional_only = models.BooleanField(default=False)

    objects = TimelineEventManager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def text(self) -> str:
        return text_of(self.name, self.params, self.summary)


class Note(models.Model):
    """A note or report in the file; from another organisation it is shown only with consent."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("afkomstig van")
    )
    text = models.TextField(_("tekst"))
    professional_only = models.BooleanField(_("alleen voor professionals"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"notitie {self.pk}"


class Intake(models.Model):
    """The first visit (kennismaking): the parents' question for help and what was seen."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="intake")
    home_visit_on = models.DateField(_("datum huisbezoek"), null=True, blank=True)
    question = models.TextField(_("hulpvraag van de ouders"), blank=True)
    observations = models.TextField(_("observaties"), blank=True)
    trajectory_explained = models.BooleanField(
        _("werkwijze uitgelegd aan de ouders"), default=False
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"intake {self.case_id}"


class Goal(models.Model):
    """A goal of the parents; at closing, how far it was reached."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("doel"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)
    realisation = models.CharField(
        _("bereikt"), max_length=8, choices=GoalRealisation.choices, blank=True
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class InformationRequestQuerySet(models.QuerySet):
    def overdue(self, today) -> "InformationRequestQuerySet":
        """Still waiting for an answer after its due date (the work list's 'waiting on
        others'); `InformationRequest.is_overdue` is the same rule for one row."""
        return self.filter(status=RequestStatus.REQUESTED, due_on__lt=today)


class InformationRequest(models.Model):
    """Information asked from another professional; only with the parents' consent."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="information_requests")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    professional = models.CharField(_("bij wie"), max_length=200, blank=True)
    question = models.TextField(_("wat wordt gevraagd"))
    requested_on = models.DateField(_("gevraagd op"), default=timezone.localdate)
    due_on = models.DateField(_("verwacht uiterlijk"))
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    answered_on = models.DateField(null=True, blank=True)
    consent = models.ForeignKey(
        "consent.Consent", on_delete=models.PROTECT, related_name="+", null=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{_('Informatieverzoek')} {self.organisation}"

    def is_overdue(self, today) -> bool:
        return self.status == RequestStatus.REQUESTED and self.due_on < today

    @property
    def source_organisation_id(self) -> int:
        return self.organisation_id


class Document(models.Model):
    """An uploaded file, stored outside the web root and served only through the access policy."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=12, choices=DocumentKind.choices)
    setting = models.CharField(
        _("waar geobserveerd"), max_length=8, choices=ObservationSetting.choices, blank=True
    )
    # Empty when the parents added the file themselves through the portal.
    source_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("afkomstig van"),
        null=True,
        blank=True,
    )
    information_request = models.ForeignKey(
        InformationRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    file = models.FileField(storage=private_storage, upload_to=private_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    professional_only = models.BooleanField(_("alleen voor professionals"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Contact(models.Model):
    """A contact of the casemanager with the family or about the child."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    on = models.DateField(_("datum"))
    form = models.CharField(_("vorm"), max_length=12, choices=ContactForm.choices)
    summary = models.TextField(_("samenvatting"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.on}"


class TimeSpent(models.Model):
    """Hours one professional spent on a trajectory, on behalf of an organisation: organisations
    pay their specialists' time themselves and want it visible, team meetings included."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="time_spent")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("datum"))
    activity = models.CharField(_("waaraan"), max_length=12, choices=TimeActivity.choices)
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=2)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-pk"]
        indexes = [
            models.Index(fields=["case", "on"], name="timespent_case_on"),
            # hours per organisation in a period, read from the index alone (PostgreSQL)
            models.Index(fields=["on"], include=["organisation", "hours"], name="timespent_on"),
        ]

    def __str__(self) -> str:
        return f"{self.hours} uur {self.on}"

    @property
    def hours_text(self) -> str:
        return hours_text(self.hours)


class ReferralOut(models.Model):
    """A referral to a service, and whether the child was actually placed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals_out")
    service = models.CharField(_("dienst of voorziening"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    # The provider on the social map, when it is there; `service` keeps the name as referred.
    social_map_entry = models.ForeignKey(
        "socialmap.SocialMapEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_out",
        verbose_name=_("aanbieder (sociale kaart)"),
    )
    referred_on = models.DateField(_("verwezen op"))
    placed = models.BooleanField(_("geplaatst"), null=True)
    placed_on = models.DateField(_("geplaatst op"), null=True, blank=True)

    class Meta:
        ordering = ["-referred_on", "-pk"]

    def __str__(self) -> str:
        return self.service


class FamilySupport(models.Model):
    """A (preventive) family-support programme offered, and the parents' answer."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="family_support")
    programme = models.CharField(_("programma"), max_length=200)
    # The programme on the social map, when it is there; `programme` keeps the name as offered.
    social_map_entry = models.ForeignKey(
        "socialmap.SocialMapEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="family_support_offers",
        verbose_name=_("programma (sociale kaart)"),
    )
    offered_on = models.DateField(_("aangeboden op"))
    response = models.CharField(
        _("antwoord ouders"),
        max_length=10,
        choices=SupportResponse.choices,
        default=SupportResponse.PENDING,
    )
    # When the parents' answer was last recorded (empty while there is no answer yet).
    answered_on = models.DateField(_("antwoord vastgelegd op"), null=True, blank=True)

    class Meta:
        ordering = ["-offered_on", "-pk"]

    def __str__(self) -> str:
        return self.programme


class Closure(models.Model):
    """How a trajectory ended; the parents' goals are evaluated on the Goal rows."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="closures")
    closed_on = models.DateField(_("afgesloten op"))
    reason = models.CharField(_("reden"), max_length=20, choices=ClosingReason.choices)
    stopped_early_reason = models.TextField(_("waarom de ouders stopten"), blank=True)
    problem_reduction = models.CharField(
        _("het probleem is"), max_length=8, choices=ProblemReduction.choices, blank=True
    )
    referrer_informed = models.BooleanField(_("verwijzer geïnformeerd"), default=False)
    school_informed = models.BooleanField(_("school of opvang geïnformeerd"), default=False)
    # which school or day care the team informed: one with the parents' consent in force
    school = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-closed_on", "-pk"]

    def __str__(self) -> str:
        return self.get_reason_display()


class Delay(models.Model):
    """Why a step took longer than the network's norm, as recorded by the case team."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="delays")
    stage = models.CharField(_("wachttijd"), max_length=12, choices=WaitingStage.choices)
    reason = models.CharField(_("reden"), max_length=12, choices=DelayReason.choices)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.get_reason_display()}"
