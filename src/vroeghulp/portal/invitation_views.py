"""Letting guardians into the portal: the casemanager's invitations and the parent's first visit."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vroeghulp.access.decorators import on_case, public
from vroeghulp.access.policy import Action, may_also
from vroeghulp.cases.file_views import consents_page, posted_id, render_file_page
from vroeghulp.children.forms import CustodyChangeForm
from vroeghulp.children.models import Guardian
from vroeghulp.concurrency import submit

from . import actions, login_codes, oidc
from .forms import InvitationForm
from .models import Invitation
from .pending_invitation import remember


def _guardian_rows(case, forms: dict) -> list[dict]:
    invitations = {}
    for invitation in Invitation.objects.filter(guardian__child=case.child).order_by("created_at"):
        invitations[invitation.guardian_id] = invitation  # the latest per guardian
    rows = []
    for guardian in case.child.guardians.select_related("user").order_by("pk"):
        invitation = invitations.get(guardian.pk)
        rows.append(
            {
                "guardian": guardian,
                "invitation": invitation,
                "has_access": guardian.user_id is not None and guardian.has_custody,
                "may_invite": guardian.has_custody and guardian.user_id is None,
                "open": invitation is not None and invitation.is_open,
                "form": forms.get(guardian.pk)
                or InvitationForm(
                    initial={"email": guardian.email},
                    prefix=f"g{guardian.pk}",
                ),
            }
        )
    return rows


def _guardians_page(request, case, decision, forms=None, status=200):
    context = {
        "rows": _guardian_rows(case, forms or {}),
        "may_invite": may_also(decision, Action.EDIT),
        "days": actions.INVITATION_DAYS,
    }
    return render_file_page(
        request, case, decision, "guardians", "portal/guardians.html", context, status
    )


@on_case(Action.VIEW)
def guardians(request, case, decision):
    return _guardians_page(request, case, decision)


@require_POST
@on_case(Action.EDIT)
def invite(request, case, decision):
    guardian = get_object_or_404(Guardian, pk=posted_id(request, "guardian"), child=case.child)
    form = InvitationForm(request.POST, prefix=f"g{guardian.pk}")
    return submit(
        request,
        form,
        lambda data: actions.invite_guardian(
            case, guardian, actor=request.user, email=data["email"]
        ),
        success=_("De uitnodiging is verstuurd."),
        done=reverse("invitations:guardians", args=[case.code]),
        rerender=lambda form, status: _guardians_page(
            request, case, decision, {guardian.pk: form}, status
        ),
    )


def _invitation_of(request, case) -> Invitation:
    return get_object_or_404(
        Invitation, pk=posted_id(request, "invitation"), guardian__child=case.child
    )


@require_POST
@on_case(Action.EDIT)
def resend(request, case, decision):
    invitation = _invitation_of(request, case)
    try:
        actions.resend_invitation(case, invitation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Er is een nieuwe link verstuurd; de oude werkt niet meer."))
    return redirect("invitations:guardians", code=case.code)


@require_POST
@on_case(Action.EDIT)
def withdraw(request, case, decision):
    actions.withdraw_invitation(case, _invitation_of(request, case), actor=request.user)
    messages.success(request, _("De uitnodiging is ingetrokken; de link werkt niet meer."))
    return redirect("invitations:guardians", code=case.code)


@public
def arrive(request, token):
    """The link in the invitation: a code goes to the invited address (or the parent uses the
    identity provider); the first login links the account."""
    invitation = actions.open_invitation(token)
    if invitation is None:
        return render(request, "portal/invitation_invalid.html", status=404)
    remember(request, invitation)
    if request.method == "POST":
        request.session[login_codes.SESSION_EMAIL] = invitation.email
        login_codes.send_code(
            invitation.email,
            invited=True,
            full_name=invitation.guardian.full_name,
            client_address=request.META.get("REMOTE_ADDR"),
            language=translation.get_language(),
        )
        return redirect("portal:login_code")
    context = {
        "masked_email": masked(invitation.email),
        "oidc_provider": settings.OIDC_PROVIDER_NAME if oidc.enabled() else "",
    }
    return render(request, "portal/invitation.html", context)


def masked(email: str) -> str:
    name, _at, domain = email.partition("@")
    return f"{name[:1]}…@{domain}"


@require_POST
@on_case(Action.EDIT)
def custody_change(request, case, decision):
    """Record that a guardian gained or lost custody; shown on the file's consents tab."""
    form = CustodyChangeForm(request.POST, child=case.child)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_custody_change(
                case,
                data["guardian"],
                actor=request.user,
                change=data["change"],
                effective_on=data["effective_on"],
                source=data["source"],
                note=data["note"],
            )
        except PermissionDenied:
            messages.error(
                request,
                _(
                    "Alleen de casemanager of de coördinator van dit traject legt een wijziging "
                    "van het gezag vast."
                ),
            )
            return redirect("cases:consents", code=case.code)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De wijziging van het gezag is vastgelegd."))
            return redirect("cases:consents", code=case.code)
    return consents_page(request, case, decision, status=400, custody_form=form)
