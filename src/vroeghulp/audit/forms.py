"""Filters for the log manager's views of the audit log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.date_input import DATE, DATE_ERRORS


class AuditFilterForm(forms.Form):
    GROUPS = [("day", _("per dag")), ("user", _("per gebruiker")), ("child", _("per kind"))]

    child = forms.IntegerField(
        label=_("Kindnummer"),
        required=False,
        min_value=1,
        help_text=_("Het interne nummer uit de logregels of van het dossier."),
        error_messages={
            "invalid": _("Een kindnummer bestaat alleen uit cijfers."),
            "min_value": _("Een kindnummer bestaat alleen uit cijfers."),
        },
    )
    user = forms.EmailField(label=_("E-mailadres gebruiker"), required=False)
    date_from = forms.DateField(
        label=_("Vanaf"),
        required=False,
        widget=DATE,
        error_messages=DATE_ERRORS,
    )
    date_to = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=DATE,
        error_messages=DATE_ERRORS,
    )
    group = forms.ChoiceField(label=_("Samenvatting"), choices=GROUPS, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data
