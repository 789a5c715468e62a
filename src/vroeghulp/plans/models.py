"""The multidisciplinary advice plan (MDA): a draft, and the versions issued to the parents.

An issued version stores its content as a snapshot and the hash of its PDF, and never changes.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vroeghulp.cases.models import Case
from vroeghulp.cases.uploads import private_path, private_storage
from vroeghulp.children.models import Guardian
from vroeghulp.networks.models import Organisation

from .constants import Domain, ExplainedHow, ItemStatus, Reaction


class Plan(models.Model):
    """The living draft of one case's plan; issuing it makes a PlanVersion."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="plan")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    introduction = models.TextField(_("inleiding voor de ouders"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"adviesplan {self.case_id}"


class PlanItem(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    domain = models.CharField(_("onderwerp"), max_length=24, choices=Domain.choices)
    advice = models.TextField(_("advies"))
    who = models.CharField(_("wie doet het"), max_length=200, blank=True)
    by_when = models.CharField(_("wanneer"), max_length=100, blank=True)
    # The date that puts the item on the responsible professional's work list (work/queries.py)
    due_on = models.DateField(_("datum"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwoordelijke"),
    )
    # Who gives the help advised, picked from the social map of the case's network.
    social_map_entry = models.ForeignKey(
        "socialmap.SocialMapEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("aanbieder (sociale kaart)"),
    )
    status = models.CharField(
        _("stand van zaken"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.TO_DO
    )
    # When the status last changed (the last PlanItemStatusChange); empty for items from before
    # the status was dated
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # The day the responsible professional was e-mailed that the item is due (send_reminders);
    # cleared when the date moves, so a new date gives a new reminder
    reminded_on = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.advice[:50]


class PlanItemStatusChange(models.Model):
    """One status an item got, when and from whom: the item's history, shown to the parents by
    its last date."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=10, choices=ItemStatus.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_status_display()


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Issued plan versions never change.")

    def delete(self):
        raise PermissionError("Issued plan versions are kept.")

    def destroy_with_the_file(self):
        """The one way versions end: with the whole file, when its retention period is over
        (retention/actions.py). Their discussions, reactions and shares go first."""
        return super().delete()


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.PositiveIntegerField()
    content = models.JSONField()
    changes = models.JSONField(default=list)
    pdf = models.FileField(storage=private_storage, upload_to=private_path)
    pdf_sha256 = models.CharField(max_length=64)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="uniq_plan_version_number")
        ]
        indexes = [models.Index(fields=["issued_at"], name="planversion_issued")]

    def __str__(self) -> str:
        return f"versie {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Issued plan versions never change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Issued plan versions are kept.")


class Discussion(models.Model):
    """The conversation in which the plan was explained to the parents (not the sending)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="discussions")
    on = models.DateField(_("besproken op"))
    how = models.CharField(_("hoe"), max_length=10, choices=ExplainedHow.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"besproken {self.on}"


class ParentReaction(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="reactions")
    guardian = models.ForeignKey(Guardian, on_delete=models.PROTECT, related_name="+")
    reaction = models.CharField(_("reactie"), max_length=16, choices=Reaction.choices)
    comment = models.TextField(_("opmerkingen"), blank=True)
    at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return self.get_reaction_display()


class Share(models.Model):
    """A version shared with another organisation, under the parents' consent."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    consent = models.ForeignKey("consent.Consent", on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return gettext("gedeeld met %(org)s") % {"org": self.organisation}


class JargonTerm(models.Model):
    """A word that needs a plain alternative; maintained by network administrators."""

    term = models.CharField(_("vakterm"), max_length=100, unique=True)
    plain = models.CharField(_("in gewone woorden"), max_length=200)

    class Meta:
        ordering = ["term"]
        verbose_name = _("vakterm")
        verbose_name_plural = _("vaktermen")

    def __str__(self) -> str:
        return self.term


class Arrangement(models.Model):
    """Care–education arrangement (onderwijs-zorgarrangement): what the child needs at school or
    day care, agreed with the parents, with an evaluation some months after the start."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="arrangement")
    setting = models.CharField(_("school of opvang"), max_length=200)
    needs = models.TextField(_("wat het kind nodig heeft"))
    agreed_with_parents = models.BooleanField(_("afgesproken met de ouders"), default=False)
    starts_on = models.DateField(_("start"))
    evaluate_on = models.DateField(_("evaluatie"))
    evaluated_on = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    evaluation = models.TextField(_("uitkomst evaluatie"), blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.setting
