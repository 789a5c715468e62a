"""Emergency access ("break the glass") for professionals with a care role."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vroeghulp.cases.models import Case
from vroeghulp.children.models import Child

from .actions import grant_emergency_access
from .decorators import with_role
from .forms import EmergencyAccessForm
from .policy import CARE_ROLES


@with_role(*CARE_ROLES)
def emergency_access(request):
    form = EmergencyAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        children = Child.objects.filter(
            network_id__in=request.user.networks_with_role(*CARE_ROLES),
            family_name__iexact=form.cleaned_data["family_name"].strip(),
            date_of_birth=form.cleaned_data["date_of_birth"],
        )
        grants = [
            grant_emergency_access(child, actor=request.user, reason=form.cleaned_data["reason"])
            for child in children[:5]
        ]
        if not grants:
            form.add_error(None, _("Geen kind gevonden met deze achternaam en geboortedatum."))
        else:
            messages.warning(
                request, _("Noodtoegang verleend. Dit is vastgelegd en wordt gecontroleerd.")
            )
            case = Case.objects.filter(child=grants[0].child).order_by("-opened_at").first()
            if len(grants) == 1 and case is not None:
                return redirect("cases:detail", code=case.code)
            return redirect("cases:list")
    return render(request, "access/emergency_access.html", {"form": form})
