"""The case file in the JSON API: over the same selectors and reads as the pages, with the same log."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from access import rules
from access.actor import Actor
from access.models import AccessAction
from access.reads import read_case, read_person
from casefile.schemas import CaseOut, PersonOut
from casefile.selectors import my_work_cases
from cases.models import Case
from people.models import Person
from web.api import ERRORS

router = Router(tags=["akten"])


def _case_out(case: Case, *, emergency: bool) -> CaseOut:
    return CaseOut(
        id=case.public_id,
        reference=case.reference,
        status=case.status,
        team=case.team.name,
        opened_at=case.opened_at,
        closed_at=case.closed_at,
        child_id=case.child.public_id,
        child_name=str(case.child),
        child_protected=case.child.is_protected,
        emergency_access=emergency,
    )


def _person_out(person: Person, show_contact: bool) -> PersonOut:
    return PersonOut(
        id=person.public_id,
        given_name=person.given_name,
        family_name=person.family_name,
        birth_date=person.birth_date,
        protection_level=person.protection_level,
        protected=person.is_protected,
        address=person.address if show_contact else None,
        phone=person.phone if show_contact else None,
    )


@router.get("/v1/cases", response={200: list[CaseOut], **ERRORS}, url_name="my_cases")
def my_cases(request: HttpRequest) -> list[CaseOut]:
    # My work lists the user's own scope only, so no case there is seen through a grant.
    return [_case_out(case, emergency=False) for case in my_work_cases(Actor.from_request(request), via_api=True)]


@router.get("/v1/cases/{case_id}", response={200: CaseOut, **ERRORS}, url_name="case_detail")
def case_detail(request: HttpRequest, case_id: UUID) -> CaseOut:
    read = read_case(Actor.from_request(request), case_id, view_name="api.case", action=AccessAction.API)
    return _case_out(read.case, emergency=read.grant is not None)


@router.get("/v1/persons/{person_id}", response={200: PersonOut, **ERRORS}, url_name="person_detail")
def person_detail(request: HttpRequest, person_id: UUID) -> PersonOut:
    actor = Actor.from_request(request)
    person = read_person(actor, person_id, view_name="api.person", action=AccessAction.API)
    return _person_out(person, rules.may_see_contact_details(actor.user, person))
