"""Professionals and parents are users; a professional holds roles per network."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.networks.constants import Discipline
from vroeghulp.networks.models import Network, Organisation

from .constants import ROLES_REQUIRING_SECOND_FACTOR, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save()
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=200)
    discipline = models.CharField(
        _("discipline"), max_length=32, choices=Discipline.choices, blank=True
    )
    phone = models.CharField(_("telefoon"), max_length=32, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot beheer"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # the interface language this person chose with the language switch ("" = not chosen)
    language = models.CharField(
        _("taal"), max_length=8, choices=settings.LANGUAGES, blank=True, default="", db_default=""
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def roles_in(self, network: Network) -> set[str]:
        return {m.role for m in self.active_memberships() if m.network_id == network.pk}

    def active_memberships(self) -> list["Membership"]:
        # Cached per instance: a request asks several times.
        if not hasattr(self, "_memberships_cache"):
            self._memberships_cache = list(
                self.memberships.filter(is_active=True).select_related("network", "organisation")
            )
        return self._memberships_cache

    def networks_with_role(self, *roles: str) -> set[int]:
        return {m.network_id for m in self.active_memberships() if m.role in roles}

    @property
    def is_professional(self) -> bool:
        return bool(self.active_memberships())

    @property
    def requires_second_factor(self) -> bool:
        return self.is_superuser or any(
            m.role in ROLES_REQUIRING_SECOND_FACTOR for m in self.active_memberships()
        )


class Membership(models.Model):
    """One role of one professional in one network, on behalf of one organisation."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("gebruiker")
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("netwerk")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol"), max_length=16, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("rol in netwerk")
        verbose_name_plural = _("rollen in netwerken")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "network", "role"], name="uniq_membership_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.network})"

    def clean(self) -> None:
        if (
            self.organisation_id
            and self.network_id
            and self.organisation.network_id != self.network_id
        ):
            raise ValidationError(
                {"organisation": _("Deze organisatie hoort niet bij het gekozen netwerk.")}
            )
