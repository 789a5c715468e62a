"""The advice plan in the child's file: the draft editor, issued versions, PDF and print page."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.auditing import event_for
from vroeghulp.access.decorators import on_case
from vroeghulp.access.policy import Action
from vroeghulp.audit.constants import AuditAction
from vroeghulp.audit.writer import record_all
from vroeghulp.cases.file_views import posted_id, render_file_page
from vroeghulp.cases.models import Intake
from vroeghulp.concurrency import STALE_MESSAGE, submit
from vroeghulp.socialmap import picking

from . import actions, pdf
from .constants import Domain
from .forms import (
    ArrangementForm,
    DiscussionForm,
    EvaluationForm,
    IntroductionForm,
    IssueForm,
    ItemForm,
    ReactionForm,
    ShareForm,
    current_team,
)
from .models import Arrangement, JargonTerm, Plan, PlanItem, PlanVersion
from .readability import assess


@on_case(Action.VIEW)
def plan_page(request, case, decision):
    return _page(request, case, decision)


def _page(request, case, decision, forms=None, status=200):
    forms = forms or {}
    plan = Plan.objects.filter(case=case).first()
    context = {"plan": plan}
    if plan is not None:
        jargon = dict(JargonTerm.objects.values_list("term", "plain"))
        team = current_team(case)
        entries = picking.entries_for(case)
        rows = [
            {
                "item": item,
                # a change refused keeps what was typed, in the item's own form
                "form": forms.get(f"item{item.pk}")
                or ItemForm(
                    initial={**_item_initial(item), "version": plan.version},
                    prefix=f"item{item.pk}",
                    case=case,
                    team=team,
                    entries=entries,
                    current_entry=item.social_map_entry,
                ),
                "readability": assess(item.advice, jargon),
            }
            for item in plan.items.select_related("responsible", "social_map_entry")
        ]
        groups = [
            {"label": domain.label, "rows": [r for r in rows if r["item"].domain == domain]}
            for domain in Domain
            if any(r["item"].domain == domain for r in rows)
        ]
        versions = list(
            plan.versions.prefetch_related(
                "discussions", "reactions__guardian", "shares__organisation"
            )
        )
        intake = Intake.objects.filter(case=case).first()
        context |= {
            "groups": groups,
            "question": intake.question if intake else "",
            "goals": case.goals.all(),
            "intro_readability": assess(plan.introduction, jargon),
            "intro_form": forms.get("intro")
            or IntroductionForm(
                initial={"introduction": plan.introduction, "version": plan.version}
            ),
            "item_form": forms.get("item")
            or ItemForm(initial={"version": plan.version}, case=case, team=team, entries=entries),
            "issue_form": forms.get("issue") or IssueForm(initial={"version": plan.version}),
            "versions": versions,
            "discussion_form": forms.get("discussion") or DiscussionForm(case=case),
            "reaction_form": forms.get("reaction") or ReactionForm(case=case),
            "share_form": forms.get("share") or ShareForm(case=case),
            "arrangement": getattr(plan, "arrangement", None),
            "arrangement_form": forms.get("arrangement")
            or ArrangementForm(case=case, initial=_arrangement_initial(plan)),
            "evaluation_form": forms.get("evaluation")
            or EvaluationForm(arrangement=getattr(plan, "arrangement", None)),
        }
    return render_file_page(request, case, decision, "plan", "plans/plan.html", context, status)


def _arrangement_initial(plan: Plan) -> dict:
    arrangement = Arrangement.objects.filter(plan=plan).first()
    if arrangement is None:
        return {}
    return {
        name: getattr(arrangement, name)
        for name in ("setting", "needs", "agreed_with_parents", "starts_on", "evaluate_on")
    }


@require_POST
@on_case(Action.EDIT)
def save_arrangement(request, case, decision):
    plan = _draft(case)
    return _handle(
        request,
        case,
        decision,
        ArrangementForm(request.POST, case=case),
        "arrangement",
        lambda data: actions.save_arrangement(plan, actor=request.user, **data),
        _("Het onderwijs-zorgarrangement is opgeslagen."),
    )


@require_POST
@on_case(Action.EDIT)
def evaluate_arrangement(request, case, decision):
    arrangement = get_object_or_404(Arrangement, plan__case=case)
    return _handle(
        request,
        case,
        decision,
        EvaluationForm(request.POST, arrangement=arrangement),
        "evaluation",
        lambda data: actions.evaluate_arrangement(arrangement, actor=request.user, **data),
        _("De evaluatie is vastgelegd."),
    )


def _item_initial(item: PlanItem) -> dict:
    return {
        "domain": item.domain,
        "advice": item.advice,
        "who": item.who,
        "by_when": item.by_when,
        "due_on": item.due_on,
        "responsible": item.responsible_id,
        "social_map_entry": item.social_map_entry_id,
        "status": item.status,
    }


def _draft(case) -> Plan:
    plan = Plan.objects.filter(case=case).first()
    if plan is None:
        raise Http404
    return plan


def _handle(request, case, decision, form, key, apply, success):
    return submit(
        request,
        form,
        apply,
        success=success,
        done=reverse("plans:plan", args=[case.code]),
        rerender=lambda form, status: _page(
            request, case, decision, forms={key: form}, status=status
        ),
        current_version=lambda: _draft(case).version,
    )


@require_POST
@on_case(Action.EDIT)
def start(request, case, decision):
    actions.start_plan(case, actor=request.user)
    return redirect("plans:plan", code=case.code)


@require_POST
@on_case(Action.EDIT)
def save_introduction(request, case, decision):
    plan = _draft(case)
    return _handle(
        request,
        case,
        decision,
        IntroductionForm(request.POST),
        "intro",
        lambda data: actions.save_introduction(plan, actor=request.user, **data),
        _("De inleiding is opgeslagen."),
    )


@require_POST
@on_case(Action.EDIT)
def add_item(request, case, decision):
    plan = _draft(case)
    return _handle(
        request,
        case,
        decision,
        ItemForm(request.POST, case=case),
        "item",
        lambda data: actions.save_item(plan, actor=request.user, **data),
        _("Het advies is toegevoegd."),
    )


@require_POST
@on_case(Action.EDIT)
def change_item(request, case, decision):
    plan = _draft(case)
    item = get_object_or_404(PlanItem, pk=posted_id(request, "item"), plan=plan)
    form = ItemForm(
        request.POST, prefix=f"item{item.pk}", case=case, current_entry=item.social_map_entry
    )
    if request.POST.get("remove") == "1":
        try:
            actions.remove_item(
                plan,
                actor=request.user,
                version=int(request.POST.get(f"item{item.pk}-version", 0)),
                item=item,
            )
        except actions.StaleVersionError:
            messages.error(request, STALE_MESSAGE)
        else:
            messages.success(request, _("Het advies is verwijderd."))
        return redirect("plans:plan", code=case.code)
    return _handle(
        request,
        case,
        decision,
        form,
        f"item{item.pk}",
        lambda data: actions.save_item(plan, actor=request.user, item=item, **data),
        _("Het advies is opgeslagen."),
    )


@require_POST
@on_case(Action.EDIT)
def issue(request, case, decision):
    plan = _draft(case)
    return _handle(
        request,
        case,
        decision,
        IssueForm(request.POST),
        "issue",
        lambda data: actions.issue_version(plan, actor=request.user, **data),
        _("Er is een nieuwe versie voor de ouders gemaakt."),
    )


def _version_for(case, code) -> PlanVersion:
    return get_object_or_404(PlanVersion, code=code, plan__case=case)


@require_POST
@on_case(Action.EDIT)
def discussed(request, case, decision, version_code):
    version = _version_for(case, version_code)
    return _handle(
        request,
        case,
        decision,
        DiscussionForm(request.POST, case=case),
        "discussion",
        lambda data: actions.record_discussion(version, actor=request.user, **data),
        _("Het gesprek met de ouders is vastgelegd."),
    )


@require_POST
@on_case(Action.EDIT)
def react(request, case, decision, version_code):
    version = _version_for(case, version_code)
    return _handle(
        request,
        case,
        decision,
        ReactionForm(request.POST, case=case),
        "reaction",
        lambda data: actions.record_reaction(version, actor=request.user, **data),
        _("De reactie van de ouders is vastgelegd."),
    )


@require_POST
@on_case(Action.EXPORT)
def share(request, case, decision, version_code):
    version = _version_for(case, version_code)
    return _handle(
        request,
        case,
        decision,
        ShareForm(request.POST, case=case),
        "share",
        lambda data: actions.share_version(version, actor=request.user, **data),
        _("Het plan is gedeeld. Dit is vastgelegd."),
    )


@on_case(Action.PRINT)
def version_pdf(request, case, decision, version_code):
    version = _version_for(case, version_code)
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.PRINT, case.child, version, {"format": "pdf"}
            )
        ]
    )
    response = FileResponse(
        version.pdf.open("rb"),
        as_attachment=False,
        filename=f"adviesplan-versie-{version.number}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@on_case(Action.PRINT)
def version_print(request, case, decision, version_code):
    version = _version_for(case, version_code)
    record_all(
        [
            event_for(
                request.user, decision, AuditAction.PRINT, case.child, version, {"format": "html"}
            )
        ]
    )
    network = case.network
    logo = reverse("networks:logo", args=[network.slug]) if network.logo else ""
    html = pdf.render_html(
        version.content,
        version.number,
        for_print_page=True,
        logo_src=logo,
        back_url=reverse("plans:plan", args=[case.code]),
    )
    response = HttpResponse(html)
    response["Cache-Control"] = "private, no-store"
    return response
