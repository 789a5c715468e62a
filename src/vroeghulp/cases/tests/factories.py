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
