"""Recording a disclosure: on a provision in force, every condition confirmed, to whom it allows, about the
child or a relative; every problem at once, nothing half-saved, a refusal logged."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from collaboration import bases
from collaboration.disclosures import disclosure_record
from collaboration.models import Disclosure, RecipientKind
from collaboration.tests.helpers import ALL_18A, WHAT, recorded, young
from conftest import World, make_person
from people.models import RelationKind
from people.services import relation_create

pytestmark = pytest.mark.django_db


def _refused(world: World, user: str = "hanna", **changes: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        recorded(world, user, **changes)
    return caught.value


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def test_a_worker_records_an_18_a_disclosure_with_its_three_conditions(world: World) -> None:
    disclosure = recorded(world)
    assert disclosure.legal_basis.provision == "10 kap. 18 a §" and disclosure.legal_basis.verified
    assert disclosure.conditions == sorted(ALL_18A)
    assert disclosure.person == world.own_case.child and disclosure.disclosed_by == world.user("hanna")
    assert Disclosure.objects.get().what == WHAT  # read back through the cipher
    write = AccessEvent.objects.filter(action=AccessAction.WRITE, view_name="collaboration.disclosure").get()
    assert (write.case_id, write.person_id) == (world.own_case.pk, world.own_case.child_id)


@pytest.mark.parametrize("missing", sorted(ALL_18A))
def test_18_a_without_every_condition_is_refused(world: World, missing: str) -> None:
    exc = _refused(world, conditions=ALL_18A - {missing})
    assert _codes(exc) == {"conditions_18a": ["unconfirmed"]}
    assert not Disclosure.objects.exists()


def test_without_a_basis_it_is_refused(world: World) -> None:
    assert _codes(_refused(world, basis="")) == {"basis": ["no_basis"]}


def test_a_disclosure_on_consent_without_a_consent_in_the_ledger_is_refused(world: World) -> None:
    exc = _refused(world, basis=bases.CONSENT, conditions=frozenset())
    assert _codes(exc) == {"consent": ["no_consent"]}
    assert "Inget gällande samtycke omfattar utlämnandet" in exc.error_dict["consent"][0].message
    assert not Disclosure.objects.exists()


def test_18_a_for_a_twenty_one_year_old_is_refused_and_for_a_twenty_year_old_it_is_not(world: World) -> None:
    today = timezone.localdate()
    older = make_person("Ove", "Berg", date(today.year - 21, 1, 1), 611)
    younger = make_person("Ida", "Berg", today.replace(year=today.year - 21) + timedelta(days=1), 612)
    for sibling in (older, younger):
        relation_create(child=world.own_case.child, relative=sibling, kind=RelationKind.SIBLING)
    assert _codes(_refused(world, person=str(older.public_id))) == {"person": ["over_age"]}
    assert recorded(world, person=str(younger.public_id)).person == younger


def test_18_a_goes_to_the_police_security_service_or_customs_only(world: World) -> None:
    exc = _refused(world, recipient_kind=RecipientKind.SCHOOL)
    assert _codes(exc) == {"recipient_kind": ["recipient_not_allowed"]}
    assert recorded(world, recipient_kind=RecipientKind.CUSTOMS).recipient_kind == RecipientKind.CUSTOMS


def test_every_problem_is_answered_at_once_and_nothing_is_saved(world: World) -> None:
    exc = _refused(
        world,
        person=str(world.other_team_case.child.public_id),
        recipient="",
        recipient_kind="",
        what=" ",
        assessment="",
        channel="",
        disclosed_on=timezone.localdate() + timedelta(days=1),
        conditions=frozenset(),
    )
    assert _codes(exc) == {
        "person": ["not_of_case"],
        "what": ["required"],
        "recipient": ["required"],
        "assessment": ["required"],
        "recipient_kind": ["required"],
        "channel": ["required"],
        "disclosed_on": ["future"],
        "conditions_18a": ["unconfirmed"],
    }
    assert not Disclosure.objects.exists()
    refused = AccessEvent.objects.get(action=AccessAction.REFUSED, view_name="collaboration.disclosure")
    assert "person:not_of_case" in refused.reason
    assert not AccessEvent.objects.filter(action=AccessAction.WRITE).exists()


def test_a_day_before_the_provision_is_refused(world: World) -> None:
    assert _codes(_refused(world, on=date(2025, 3, 31))) == {"basis": ["no_provision"]}


def test_another_teams_worker_is_refused_like_a_missing_case_and_the_attempt_is_logged(world: World) -> None:
    with pytest.raises(Http404):
        disclosure_record(
            actor=Actor.system(world.user("sara")), case_public_id=world.own_case.public_id, data=young(world)
        )
    assert not Disclosure.objects.exists()
    denied = AccessEvent.objects.get(action=AccessAction.DENIED, view_name="collaboration.disclosure")
    assert (denied.username, denied.case_id) == ("sara", world.own_case.pk)


def test_the_other_bases_ask_their_own_conditions_and_recipients(world: World) -> None:
    relative = bases.BASES[bases.RELATIVE]
    exc = _refused(world, basis=bases.RELATIVE, conditions=frozenset(), recipient_kind=RecipientKind.CUSTOMS)
    assert _codes(exc) == {relative.field: ["unconfirmed"], "recipient_kind": ["recipient_not_allowed"]}
    against = bases.BASES[bases.AGAINST_CHILD]
    done = recorded(
        world,
        basis=bases.AGAINST_CHILD,
        recipient_kind=RecipientKind.PROSECUTOR,
        conditions=frozenset(c.key for c in against.conditions) | {"18a-risk"},
    )
    assert done.legal_basis.provision == "10 kap. 21 §" and done.conditions == ["21-crime", "21-victim"]
    necessary = recorded(
        world, basis=bases.NECESSARY, recipient_kind=RecipientKind.SCHOOL, conditions=frozenset({"2-necessary"})
    )
    assert necessary.legal_basis.key == "handover-necessary"


def test_a_correction_is_a_new_row_and_the_corrected_one_is_not_corrected_twice(world: World) -> None:
    first = recorded(world)
    fixed = recorded(world, corrects=str(first.public_id), what="Rättat: setts vid fritidsgården.")
    assert fixed.corrects == first and Disclosure.objects.count() == 2
    assert Disclosure.objects.get(pk=first.pk).what == WHAT
    assert _codes(_refused(world, corrects=str(first.public_id))) == {"corrects": ["corrected"]}


def test_the_database_refuses_update_and_delete(world: World) -> None:
    disclosure = recorded(world)
    for change in (
        lambda: Disclosure.objects.filter(pk=disclosure.pk).update(recipient_kind=RecipientKind.SCHOOL),
        lambda: Disclosure.objects.filter(pk=disclosure.pk).update(conditions=[]),
        lambda: Disclosure.objects.filter(pk=disclosure.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def test_a_disclosure_about_a_relative_kept_from_the_corrector_cannot_be_corrected_by_them(world: World) -> None:
    from access.models import ProtectedIdentityAuthorization
    from people.models import ProtectionLevel

    hidden = make_person("Nora", "Berg", date(2009, 1, 1), 614, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    relation_create(child=world.own_case.child, relative=hidden, kind=RelationKind.SIBLING)
    karin = world.user("karin")
    ProtectedIdentityAuthorization.objects.create(
        person=hidden, user=karin, granted_by=karin, granted_at=timezone.now()
    )
    first = recorded(world, "karin", person=str(hidden.public_id))
    exc = _refused(world, "olle", corrects=str(first.public_id))
    assert _codes(exc) == {"corrects": ["no_disclosure"]}
