import datetime

import factory

from vroeghulp.cases.constants import TeamRole
from vroeghulp.cases.models import Case, Note, TeamMember
from vroeghulp.children.tests.factories import ChildFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    child = factory.SubFactory(ChildFactory)
    network = factory.SelfAttribute("child.network")


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    case = factory.SubFactory(CaseFactory)
    user = None
    team_role = TeamRole.CASEMANAGER


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    case = factory.SubFactory(CaseFactory)
    author = None
    source_organisation = None
    text = "Verslag van een observatie."


REGISTERED = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def registered_earlier(case: Case, at: datetime.datetime = REGISTERED) -> Case:
    """Let the trajectory have started at `at` (by default early in 2026), so that the fixed
    dates a test types lie after its registration, as plausible_dates requires."""
    Case.objects.filter(pk=case.pk).update(opened_at=at)
    case.opened_at = at
    return case
