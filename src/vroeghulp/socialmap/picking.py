"""What help for a child can name from the social map: active entries of the case's own network
that serve the child's age and municipality. Forms offer these; actions check again."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import HELP_KINDS
from .models import SocialMapEntry

NOT_ON_THE_LIST = gettext_lazy("Kies een aanbieder van de sociale kaart van dit netwerk.")


def entries_for(case, kinds=HELP_KINDS, current: SocialMapEntry | None = None) -> list:
    """The entries to choose from for this case, read once per page; the one chosen before
    stays choosable (an entry since deactivated, or a child grown past its ages)."""
    found = list(SocialMapEntry.objects.fitting(case.child, kinds).select_related("organisation"))
    if current is not None and all(entry.pk != current.pk for entry in found):
        found.append(current)
    return found


def entry_field(label) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        error_messages={"invalid_choice": NOT_ON_THE_LIST},
        help_text=gettext_lazy(
            "Actieve aanbieders van de sociale kaart voor de leeftijd en gemeente van dit kind. "
            "Staat de aanbieder er niet op? Laat dit leeg en schrijf de naam op."
        ),
    )


def offer_entries(form, name: str, entries: list) -> None:
    """Fill the choice field `name` of `form`; `chosen_entry(form, name)` reads the choice."""
    form._entries = {str(entry.pk): entry for entry in entries}
    form.fields[name].choices = [("", _("(niet op de sociale kaart)"))] + [
        (pk, str(entry)) for pk, entry in form._entries.items()
    ]


def chosen_entry(form, name: str) -> SocialMapEntry | None:
    return form._entries.get(form.cleaned_data.get(name) or "")


def check_pick(case, entry: SocialMapEntry | None, previous: SocialMapEntry | None = None) -> None:
    """Refuse an entry of another network outright, and a newly chosen one that is no longer
    active (the one chosen before may stay)."""
    if entry is None:
        return
    if entry.network_id != case.network_id:
        raise PermissionDenied("A social map entry of another network.")
    if not entry.is_active and (previous is None or previous.pk != entry.pk):
        raise ValidationError(_("Deze aanbieder staat niet meer actief op de sociale kaart."))
