"""The social map in the application: every professional of the network searches it; the network
administrator adds, changes and deactivates entries."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.decorators import with_role
from vroeghulp.accounts.constants import Role
from vroeghulp.concurrency import StaleVersionError, submit
from vroeghulp.networks.models import Network
from vroeghulp.paging import rows_of_page

from . import actions
from .forms import ActiveForm, EntryForm, SearchForm
from .models import SocialMapEntry

EVERY_ROLE = tuple(Role)
PER_PAGE = 25


def _readable_networks(user) -> set[int]:
    return user.networks_with_role(*EVERY_ROLE)


def _administered(user) -> set[int]:
    return user.networks_with_role(Role.NETWORK_ADMIN)


def _entry(code, network_ids) -> SocialMapEntry:
    """The entry, if it is of one of these networks; a 404 otherwise (as if it did not exist)."""
    return get_object_or_404(
        SocialMapEntry.objects.select_related("organisation", "network"),
        code=code,
        network_id__in=network_ids,
    )


@with_role(*EVERY_ROLE)
def entry_list(request):
    network_ids = _readable_networks(request.user)
    form = SearchForm(request.GET or None, network_ids=network_ids)
    rows = SocialMapEntry.objects.of_networks(network_ids)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        rows = rows.active()
    elif form.is_bound:
        data = form.cleaned_data
        if not data["inactive_too"]:
            rows = rows.active()
        if data["kind"]:
            rows = rows.filter(kind=data["kind"])
        municipality = data["municipality"]
        rows = (
            rows.matching(data["q"])
            .for_age(form.age_in_months())
            .for_municipality(municipality.pk if municipality else None)
        )
    else:
        rows = rows.active()
    rows = rows.select_related("organisation").prefetch_related("municipalities")
    entries, number, in_all = rows_of_page(rows, PER_PAGE, request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "entries": entries,
        "number": number,
        "in_all": in_all,
        "has_previous": number > 1,
        "has_next": number * PER_PAGE < in_all,
        "query": query.urlencode(),
        "may_edit": bool(_administered(request.user)),
        "several_networks": len(network_ids) > 1,
    }
    return render(request, "socialmap/list.html", context, status=status)


@with_role(*EVERY_ROLE)
def entry_detail(request, code):
    entry = _entry(code, _readable_networks(request.user))
    may_edit = entry.network_id in _administered(request.user)
    context = {
        "entry": entry,
        "municipalities": list(entry.municipalities.all()),
        "may_edit": may_edit,
        "active_form": ActiveForm(
            initial={"active": "0" if entry.is_active else "1", "version": entry.version}
        ),
    }
    return render(request, "socialmap/detail.html", context)


@with_role(Role.NETWORK_ADMIN)
def entry_create(request):
    networks = list(Network.objects.filter(pk__in=_administered(request.user)))
    if not networks:
        raise Http404

    def rerender(form, status):
        return render(request, "socialmap/form.html", {"form": form}, status=status)

    if request.method != "POST":
        return rerender(EntryForm(networks=networks, initial={"version": 0}), 200)
    form = EntryForm(request.POST, networks=networks)
    if form.is_valid():
        try:
            entry = actions.create_entry(
                actor=request.user, network=form.cleaned_data["network"], **form.entry_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De vermelding staat op de sociale kaart."))
            return redirect("socialmap:detail", code=entry.code)
    return rerender(form, 400)


@with_role(Role.NETWORK_ADMIN)
def entry_edit(request, code):
    entry = _entry(code, _administered(request.user))

    def rerender(form, status):
        context = {"form": form, "entry": entry}
        return render(request, "socialmap/form.html", context, status=status)

    if request.method != "POST":
        return rerender(EntryForm(networks=[entry.network], entry=entry), 200)
    form = EntryForm(request.POST, networks=[entry.network], entry=entry)
    return submit(
        request,
        form,
        lambda data: actions.update_entry(
            entry, actor=request.user, version=data["version"], **form.entry_fields()
        ),
        success=_("De wijziging is opgeslagen."),
        done=reverse("socialmap:detail", args=[entry.code]),
        rerender=rerender,
        current_version=lambda: SocialMapEntry.objects.get(pk=entry.pk).version,
    )


@require_POST
@with_role(Role.NETWORK_ADMIN)
def entry_set_active(request, code):
    entry = _entry(code, _administered(request.user))
    form = ActiveForm(request.POST)
    done = redirect("socialmap:detail", code=entry.code)
    if not form.is_valid():
        messages.error(request, _("Kies of de vermelding actief is."))
        return done
    try:
        entry = actions.set_entry_active(
            entry,
            actor=request.user,
            version=form.cleaned_data["version"],
            active=form.cleaned_data["active"],
        )
    except StaleVersionError:
        messages.error(
            request, _("Iemand anders heeft dit intussen opgeslagen. Bekijk de nieuwe stand.")
        )
        return done
    if entry.is_active:
        messages.success(request, _("De vermelding is weer actief."))
    else:
        messages.success(request, _("De vermelding is niet meer actief; ze blijft bewaard."))
    return done
