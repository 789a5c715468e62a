"""The monitoring dashboard for coordinators and analysts: aggregates only, small counts hidden."""

import csv
import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from weasyprint import CSS, HTML

from vroeghulp.access.decorators import with_role
from vroeghulp.accounts.constants import Role
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import AuditEvent, record
from vroeghulp.networks.constants import OrganisationalModel
from vroeghulp.networks.models import Network

from .actions import record_self_assessment
from .cache import figures, signals
from .charts import score_chart
from .forms import DashboardFilter, SelfAssessmentForm, default_filter, models_of
from .indicators import Scope, a_year_earlier, compute_all, compute_many, side_by_side
from .models import BuildingBlock
from .presentation import comparison, rows
from .queries import AGGREGATE_ROLES, caseload_by_phase, registrations_by_municipality
from .reporting_cycle import period_starting, recent_periods
from .series import dashboard_charts, inflow_by_month_name
from .spreadsheet import workbook
from .suppression import THRESHOLD


def _networks(user):
    return list(Network.objects.filter(pk__in=user.networks_with_role(*AGGREGATE_ROLES)))


def _scope(request, networks) -> tuple[DashboardFilter, Scope | None]:
    """The filter as chosen (this year for the whole network when nothing is chosen) and the
    scope it selects, or None when the choice is not valid."""
    data = request.GET if "year" in request.GET else default_filter()
    form = DashboardFilter(data, networks=networks)
    if not form.is_valid():
        return form, None
    return form, form.scope(networks)


@with_role(*AGGREGATE_ROLES)
def overview(request):
    networks = _networks(request.user)
    form, scope = _scope(request, networks)
    year = timezone.localdate().year
    refresh = bool(request.GET.get("vers"))
    page_work = (
        lambda: caseload_by_phase(networks),
        lambda: registrations_by_municipality(networks, year),
        lambda: signals(networks, refresh=refresh),
    )
    context = {"year": year, "threshold": THRESHOLD, "threshold_less": THRESHOLD - 1, "form": form}
    if scope is None:
        caseload, by_municipality, found_signals = side_by_side(list(page_work))
    else:
        (results, previous), computed_at, done = figures(
            [scope, a_year_earlier(scope)],
            refresh=refresh,
            alongside=(*page_work, lambda: inflow_by_month_name(scope)),
        )
        caseload, by_municipality, found_signals, inflow_months = done
        context |= {
            "scope": scope,
            "computed_at": computed_at,
            "indicators": rows(results, previous),
            "charts": dashboard_charts(scope, results, inflow_months),
            "comparison": _by_model(scope) if request.GET.get("vergelijk") else None,
            "can_compare": len(models_of(scope.networks)) > 1,
            "query": request.GET.urlencode(),
        }
    context["signals"] = found_signals
    context["sections"] = [
        {
            "network": network,
            "caseload": caseload[network.pk],
            "registrations": by_municipality[network.pk],
        }
        for network in networks
    ]
    return render(request, "monitoring/overview.html", context, status=200 if scope else 400)


def _by_model(scope: Scope) -> dict | None:
    """The indicators per organisational model, when the networks in view differ in model."""
    models = [
        (value, label)
        for value, label in OrganisationalModel.choices
        if value in models_of(scope.networks)
    ]
    if len(models) < 2:
        return None
    scopes = [
        scope.narrowed([n for n in scope.networks if n.organisational_model == value])
        for value, _label in models
    ]
    columns = [
        (label, rows(results))
        for (_value, label), results in zip(models, compute_many(scopes), strict=True)
    ]
    return {"labels": [label for label, _rows in columns], "rows": comparison(columns)}


def _log_export(request, networks, scope, file_format: str, filters: dict) -> None:
    """One entry per network in the export, with the exporter's role and organisation there
    and every filter, so a log manager can tell what left the application and who took it."""
    memberships = {}
    for membership in request.user.active_memberships():
        if membership.role in AGGREGATE_ROLES:
            current = memberships.get(membership.network_id)
            # One role per network: the coordinator's, when someone is analyst there as well.
            if current is None or membership.role == Role.COORDINATOR:
                memberships[membership.network_id] = membership
    record(
        *[
            AuditEvent(
                action=AuditAction.EXPORT,
                network_id=network.pk,
                user=request.user,
                object_type="indicators",
                role=memberships[network.pk].role,
                organisation_label=memberships[network.pk].organisation.name,
                details={
                    "from": scope.start.isoformat(),
                    "to": scope.end.isoformat(),
                    "format": file_format,
                    "filters": filters,
                },
            )
            for network in networks
        ]
    )


def _export_scope(request):
    networks = _networks(request.user)
    form, scope = _scope(request, networks)
    if scope is None:
        return networks, None, {}
    return scope.networks, scope, form.filters()


@with_role(*AGGREGATE_ROLES)
def export_csv(request):
    networks, scope, filters = _export_scope(request)
    if scope is None:
        return _invalid()
    _log_export(request, networks, scope, "csv", filters)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="indicatoren-{scope.start}-{scope.end}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [
            _("indicator"),
            _("waarde"),
            _("toelichting bij de waarde"),
            _("eenheid"),
            _("definitie"),
        ]
    )
    for row in rows(compute_all(scope)):
        writer.writerow([row.name, row.value, row.detail, row.unit, row.explanation])
        for cell in row.breakdown:
            writer.writerow([f"  {row.name}: {cell.label}", cell.shown, "", row.unit, ""])
    return response


@with_role(*AGGREGATE_ROLES)
def export_xlsx(request):
    networks, scope, filters = _export_scope(request)
    if scope is None:
        return _invalid()
    _log_export(request, networks, scope, "xlsx", filters)
    content = workbook(rows(compute_all(scope)), scope)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="indicatoren-{scope.start}-{scope.end}.xlsx"'
    )
    return response


def _invalid() -> HttpResponse:
    return HttpResponse("Ongeldige filter.", status=400, content_type="text/plain; charset=utf-8")


@with_role(*AGGREGATE_ROLES)
def self_assessment(request):
    return _self_assessment_page(request)


def _self_assessment_page(request, form=None, status=200):
    networks = _networks(request.user)
    coordinated = set(request.user.networks_with_role(Role.COORDINATOR))
    sections = []
    for network in networks:
        assessments = list(network.self_assessments.prefetch_related("scores"))
        sections.append(
            {
                "network": network,
                "assessments": assessments,
                "chart": score_chart(assessments, BuildingBlock.choices),
                "form": (form or SelfAssessmentForm()) if network.pk in coordinated else None,
            }
        )
    return render(request, "monitoring/self_assessment.html", {"sections": sections}, status=status)


@require_POST
@with_role(Role.COORDINATOR)
def add_self_assessment(request, slug):
    network = Network.objects.filter(
        slug=slug, pk__in=request.user.networks_with_role(Role.COORDINATOR)
    ).first()
    if network is None:
        raise Http404
    form = SelfAssessmentForm(request.POST)
    if form.is_valid():
        try:
            record_self_assessment(
                network,
                actor=request.user,
                measured_on=form.cleaned_data["measured_on"],
                scores=form.scores(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De meting is opgeslagen."))
            return redirect("monitoring:self_assessment")
    return _self_assessment_page(request, form=form, status=400)


@with_role(*AGGREGATE_ROLES)
def yearly_report(request, slug):
    network = next((n for n in _networks(request.user) if n.slug == slug), None)
    if network is None:
        raise Http404
    try:
        year = int(request.GET.get("jaar", timezone.localdate().year))
    except ValueError:
        raise Http404 from None
    scope = Scope(
        networks=[network], start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
    )
    results, previous = compute_many([scope, a_year_earlier(scope)])
    _log_export(request, [network], scope, "pdf", {"year": year, "grouping": "netwerk"})
    html = render_to_string(
        "monitoring/yearly_report.html",
        {
            "network": network,
            "year": year,
            "today": timezone.localdate(),
            "threshold": THRESHOLD,
            "indicators": rows(results, previous),
            "charts": dashboard_charts(scope, results),
        },
    )
    document = HTML(string=html).write_pdf(
        stylesheets=[CSS(filename=str(settings.BASE_DIR / "static" / "css" / "report.css"))],
        pdf_variant="pdf/ua-1",
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="jaarverslag-{network.slug}-{year}.pdf"'
    )
    return response


# --- The reporting cycle: the funder's report per cycle period, from the recorded work --------


@with_role(*AGGREGATE_ROLES)
def cycle_reports(request):
    """Per network, its reporting cycle's periods with their report (printable, XLSX)."""
    today = timezone.localdate()
    sections = [
        {"network": network, "periods": recent_periods(network, today)}
        for network in _networks(request.user)
    ]
    return render(request, "monitoring/cycle_reports.html", {"sections": sections})


def _cycle_scope(request, slug):
    network = next((n for n in _networks(request.user) if n.slug == slug), None)
    if network is None:
        raise Http404
    period = period_starting(network, request.GET.get("periode"), timezone.localdate())
    if period is None:
        raise Http404
    return network, period, Scope(networks=[network], start=period.start, end=period.end)


def _log_cycle_export(request, network, period, scope, file_format: str) -> None:
    filters = {
        "cycle_months": network.report_every_months,
        "period": period.key,
        "grouping": "netwerk",
    }
    _log_export(request, [network], scope, file_format, filters)


@with_role(*AGGREGATE_ROLES)
def cycle_report(request, slug):
    """The funder's report for one cycle period as a printable page: the indicators as
    published (bands, fixed grouping: the whole network), beside the same period a year ago."""
    network, period, scope = _cycle_scope(request, slug)
    results, previous = compute_many([scope, a_year_earlier(scope)])
    _log_cycle_export(request, network, period, scope, "html")
    context = {
        "network": network,
        "period": period,
        "today": timezone.localdate(),
        "threshold": THRESHOLD,
        "indicators": rows(results, previous),
    }
    return render(request, "monitoring/cycle_report.html", context)


@with_role(*AGGREGATE_ROLES)
def cycle_report_xlsx(request, slug):
    network, period, scope = _cycle_scope(request, slug)
    _log_cycle_export(request, network, period, scope, "xlsx")
    content = workbook(rows(compute_all(scope)), scope)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="verantwoording-{network.slug}-{period.start}-{period.end}.xlsx"'
    )
    return response
