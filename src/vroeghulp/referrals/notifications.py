"""E-mails about registrations. They never carry clinical content, and name no child."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.letter_language import writing_to_parent

from .constants import CONFIRMATION_DAYS
from .models import Registration


def reference(registration: Registration) -> str:
    return str(registration.code)[:8].upper()


def ask_parents_to_confirm(registration: Registration, token: str) -> None:
    preferred = next(
        (g.get("preferred_language") for g in registration.guardians if g.get("full_name")), None
    )
    with writing_to_parent(preferred):
        _ask_parents_to_confirm(registration, token)


def _ask_parents_to_confirm(registration: Registration, token: str) -> None:
    link = settings.SITE_URL + reverse("portal:confirmation", args=[token])
    body = _(
        "Beste ouder of verzorger,\n\n"
        "%(org)s heeft uw kind, met uw akkoord, aangemeld bij %(network)s.\n"
        "Wilt u de aanmelding bevestigen? Open dan binnen %(valid)d dagen deze link:\n\n"
        "%(link)s\n\n"
        "U krijgt een inlogcode op dit e-mailadres. Daarna leest u wat er over uw kind is "
        "geschreven, en bevestigt u de aanmelding of zegt u nee.\n"
        "Na uw bevestiging belt een medewerker u binnen %(days)d dagen.\n"
        "Herkent u dit niet? Dan hoeft u niets te doen."
    ) % {
        "org": registration.referrer_organisation or _("Uw verwijzer"),
        "network": registration.network.name,
        "link": link,
        "valid": CONFIRMATION_DAYS,
        "days": registration.network.callback_deadline_days,
    }
    send_mail(
        _("Bevestig de aanmelding bij %(network)s") % {"network": registration.network.name},
        body,
        None,
        [registration.confirmation_email],
    )


def tell_referrer_not_confirmed(registration: Registration) -> bool:
    """The parents did not confirm: the referrer hears that, and nothing else."""
    return _tell_referrer(
        registration,
        _("Vooraanmelding gaat niet door (kenmerk %(ref)s)"),
        _(
            "De ouders hebben uw vooraanmelding van %(date)s (kenmerk %(ref)s) bij %(network)s "
            "niet bevestigd. De aanmelding gaat daarom niet door.\n\nMet vriendelijke groet,\n"
            "%(network)s"
        ),
    )


def tell_referrer_trajectory_started(registration: Registration) -> None:
    """Only that the trajectory started: the referrer gets nothing clinical."""
    _tell_referrer(
        registration,
        _("Traject gestart (kenmerk %(ref)s)"),
        _(
            "Uw aanmelding van %(date)s (kenmerk %(ref)s) bij %(network)s is in behandeling "
            "genomen: het traject is gestart.\n\nMet vriendelijke groet,\n%(network)s"
        ),
    )


def tell_referrer_trajectory_closed(registration: Registration) -> bool:
    """Only that the trajectory closed, so the referrer knows the chain is complete; whether
    the message went out."""
    return _tell_referrer(
        registration,
        _("Traject afgesloten (kenmerk %(ref)s)"),
        _(
            "Het traject dat volgde op uw aanmelding van %(date)s (kenmerk %(ref)s) bij "
            "%(network)s is afgesloten.\n\nMet vriendelijke groet,\n%(network)s"
        ),
    )


def _tell_referrer(registration: Registration, subject: str, body: str) -> bool:
    if registration.referrer_user is None or not registration.referrer_user.email:
        return False
    values = {
        "date": timezone.localtime(registration.received_at).strftime("%d-%m-%Y"),
        "ref": reference(registration),
        "network": registration.network.name,
    }
    return send_mail(subject % values, body % values, None, [registration.referrer_user.email]) > 0
