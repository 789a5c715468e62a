"""What was known before the trajectory: the concerns in the registrations and every earlier
examination or observation, so the team does not ask the family again what they told others."""

from dataclasses import dataclass

from vroeghulp.referrals.models import EarlierExamination, Registration


@dataclass
class KnownBefore:
    registrations: list[Registration]
    findings: list[EarlierExamination]


def known_before(case) -> KnownBefore:
    """The child's registrations that led to a trajectory (newest first) and its findings."""
    registrations = list(
        Registration.objects.filter(child_id=case.child_id)
        # a registration from a CB-plus consult links back to it
        .select_related("referrer_organisation", "cbplus_consult")
        .only(
            "received_at",
            "route",
            "concern_referrer",
            "concern_parents",
            "first_concern_on",
            "referrer_name",
            "referrer_role",
            "referrer_organisation__name",
            "cbplus_consult__code",
        )
        .order_by("-received_at")
    )
    findings = list(EarlierExamination.objects.filter(child_id=case.child_id))
    return KnownBefore(registrations, findings)
