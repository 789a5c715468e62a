"""Everything the network holds about a child, for the parents: JSON plus the plan PDFs, zipped.

Items marked "professionals only" are left out, as everywhere in the portal.
"""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder

from vroeghulp.cases.models import Case
from vroeghulp.consent.models import Consent
from vroeghulp.meetings.parts import discussions_for_parents
from vroeghulp.plans.models import PlanVersion
from vroeghulp.referrals.models import Registration


def child_data(child) -> dict:
    cases = Case.objects.filter(child=child).order_by("opened_at")
    return {
        "kind": {
            "naam": child.full_name,
            "geboortedatum": child.date_of_birth,
            "geslacht": child.get_sex_display(),
            "zwangerschapsduur_weken": child.gestational_age_weeks,
            "zwangerschapsduur_dagen": child.gestational_age_days,
            "gemeente": str(child.municipality or ""),
        },
        "ouders_verzorgers": [
            {
                "naam": g.full_name,
                "relatie": g.get_relation_display(),
                "gezag": g.has_custody,
                "telefoon": g.phone,
                "email": g.email,
                "wijzigingen_gezag": [
                    {
                        "wijziging": c.get_change_display(),
                        "gaat_in_op": c.effective_on,
                        "bron": c.get_source_display(),
                        "toelichting": c.note,
                    }
                    for c in g.custody_changes.all()
                ],
            }
            for g in child.guardians.prefetch_related("custody_changes")
        ],
        "aanmeldingen": [
            {
                "ontvangen": r.received_at,
                "route": r.get_route_display(),
                "zorg_ouders": r.concern_parents,
                "zorg_verwijzer": r.concern_referrer,
                "besluit": r.get_status_display(),
            }
            for r in Registration.objects.filter(child=child)
        ],
        "toestemmingen": [
            {
                "organisatie": str(c.organisation),
                "doel": c.get_purpose_display(),
                "gegeven_op": c.given_on,
                "geldig_tot": c.ends_on,
                "ingetrokken_op": c.withdrawn_at,
                "ingetrokken_door": c.withdrawn_by.full_name if c.withdrawn_by else "",
                "gegeven_door": [
                    {"naam": g.guardian.full_name, "gegeven_op": g.given_on}
                    for g in c.givings.all()
                ],
                "antwoord_kind": c.get_child_answer_display(),
                "kind_gevraagd_op": c.child_asked_on,
            }
            for c in Consent.objects.filter(child=child)
            .select_related("organisation", "withdrawn_by")
            .prefetch_related("givings__guardian")
        ],
        "trajecten": [_case(case) for case in cases],
    }


def _case(case) -> dict:
    intake = getattr(case, "intake", None)
    return {
        "aangemeld": case.opened_at,
        "fase": case.get_phase_display(),
        "afgesloten": case.closed_at,
        "hulpvraag": intake.question if intake else "",
        "doelen": [
            {"doel": g.text, "bereikt": g.get_realisation_display()} for g in case.goals.all()
        ],
        "tijdlijn": [
            {"wanneer": e.at, "wat": e.text}
            for e in case.events.filter(professional_only=False).order_by("at")
        ],
        "notities": [
            {"wanneer": n.created_at, "van": str(n.source_organisation), "tekst": n.text}
            for n in case.notes.filter(professional_only=False)
        ],
        "contacten": [
            {"datum": c.on, "vorm": c.get_form_display(), "samenvatting": c.summary}
            for c in case.contacts.all()
        ],
        "besprekingen_mdo": [
            {
                "datum": d["date"],
                "aanwezig": [f"{p.name} ({p.get_discipline_display()})" for p in d["participants"]],
                "bevindingen": [
                    {"discipline": f.get_discipline_display(), "tekst": f.text}
                    for f in d["findings"]
                ],
                "notities": d["notes"],
                "conclusie": d["conclusion"],
                "verder_onderzoek": d["further_diagnostics"],
                "verwezen_naar": d["specialised_centre"],
            }
            for d in discussions_for_parents(case)
        ],
        "adviesplan_versies": [
            {"versie": v.number, "uitgegeven": v.issued_at, "inhoud": v.content}
            for v in PlanVersion.objects.filter(plan__case=case)
        ],
        "berichten": [
            {"verstuurd": m.sent_at, "van": m.sender.full_name, "tekst": m.body}
            for m in case.messages.select_related("sender")
        ],
        "prematuur_bezoeken": [
            {
                "gecorrigeerde_leeftijd_maanden": v.corrected_months,
                "soort": v.get_kind_display(),
                "gepland_op": v.planned_on,
                "gedaan_op": v.done_on,
                "door": v.done_by.full_name if v.done_by else "",
                "aantekeningen": v.notes,
            }
            for v in case.premature_visits.select_related("done_by")
        ],
        "warme_overdrachten": [
            {
                "datum": h.on,
                "van": h.from_name,
                "aan": h.to_name,
                "hoe": h.get_mode_display(),
                "wat": h.notes,
            }
            for h in case.warm_handovers.all()
        ],
    }


def archive(child) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(
            "gegevens.json",
            json.dumps(child_data(child), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for version in PlanVersion.objects.filter(plan__case__child=child):
            with version.pdf.open("rb") as pdf:
                zipped.writestr(f"adviesplan-versie-{version.number}.pdf", pdf.read())
    return buffer.getvalue()
