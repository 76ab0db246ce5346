"""A transfer to another municipality: its disclosure in the register in the same transaction, checked
exactly as one; refused without a basis, for a closed case and for a child with a protected destination,
with nothing saved."""

from dataclasses import replace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from cases.models import CaseStatus
from collaboration import bases
from collaboration.models import Disclosure, RecipientKind, Transfer, TransferReason
from collaboration.transfers import TransferInput, transfer_record
from conftest import World, signed_in

pytestmark = pytest.mark.django_db

SENT = "Utredningen, beslutet om insats och planen i programmet."


def _data(**changes: Any) -> TransferInput:
    data = TransferInput(
        municipality="Kvarnby kommun, socialtjänsten",
        transferred_on=timezone.localdate(),
        reason=TransferReason.MOVED,
        reason_note="",
        what=SENT,
        channel="written",
        basis=bases.NECESSARY,
        conditions=frozenset({"2-necessary"}),
        assessment="Familjen flyttar; den nya kommunen behöver underlaget för att fortsätta insatsen.",
    )
    return replace(data, **changes)


def _record(world: World, user: str = "hanna", **changes: Any) -> Transfer:
    return transfer_record(
        actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=_data(**changes)
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def _refused(world: World, **changes: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        _record(world, **changes)
    assert not Transfer.objects.exists() and not Disclosure.objects.exists()
    return _codes(caught.value)


def test_a_transfer_is_recorded_with_its_disclosure_in_the_register(world: World) -> None:
    transfer = _record(world)
    disclosure = transfer.disclosure
    assert (disclosure.recipient_kind, disclosure.recipient) == (RecipientKind.MUNICIPALITY, transfer.municipality)
    assert disclosure.person == world.own_case.child and disclosure.what == SENT
    assert disclosure.legal_basis.key == "handover-necessary" and disclosure.conditions == ["2-necessary"]
    assert transfer.participation is None
    write = AccessEvent.objects.get(action=AccessAction.WRITE, view_name="collaboration.transfer")
    assert write.case_id == world.own_case.pk
    page = signed_in(world.user("olle")).get(reverse("collaboration:disclosures", args=[world.own_case.public_id]))
    text = page.content.decode()
    assert "Kvarnby kommun, socialtjänsten" in text and "Överlämnanden till annan kommun" in text


def test_without_a_basis_nothing_is_saved_neither_transfer_nor_disclosure(world: World) -> None:
    assert _refused(world, basis="") == {"basis": ["no_basis"]}
    assert AccessEvent.objects.filter(action=AccessAction.REFUSED, view_name="collaboration.transfer").exists()


def test_the_basis_is_checked_exactly_as_a_disclosure(world: World) -> None:
    assert _refused(world, conditions=frozenset()) == {"conditions_necessary": ["unconfirmed"]}
    # 18 a § lets only the police, the security service and customs receive.
    young = {c.key for c in bases.BASES[bases.YOUNG].conditions}
    assert _refused(world, basis=bases.YOUNG, conditions=frozenset(young)) == {
        "recipient_kind": ["recipient_not_allowed"]
    }
    # On consent: a live consent in the ledger covering another municipality.
    assert _refused(world, basis=bases.CONSENT, conditions=frozenset()) == {"consent": ["no_consent"]}


def test_every_problem_at_once(world: World) -> None:
    assert _refused(world, municipality=" ", what="", reason="", assessment="", channel="") == {
        "reason": ["required"],
        "what": ["required"],
        "recipient": ["required"],
        "assessment": ["required"],
        "channel": ["required"],
    }
    assert _refused(world, reason=TransferReason.OTHER) == {"reason_note": ["required"]}


def test_a_closed_case_is_not_handed_over(world: World) -> None:
    type(world.own_case).objects.filter(pk=world.own_case.pk).update(
        status=CaseStatus.CLOSED, closure_reason="moved", closure_outcome="other"
    )
    assert _refused(world) == {"__all__": ["closed"]}


def _destination(world: World) -> None:
    from access.models import DestinationNaming
    from protection.models import Destination

    now, karin = timezone.now(), world.user("karin")
    Destination.objects.create(
        case=world.own_case, municipality="Gömby", from_on=timezone.localdate(), entered_by=karin, entered_at=now
    )
    DestinationNaming.objects.create(
        case=world.own_case, user=world.user("hanna"), reason="Flytten.", named_by=karin, named_at=now
    )


def test_with_a_live_destination_only_the_named_staff_hand_the_case_over(world: World) -> None:
    _destination(world)
    with pytest.raises(ValidationError) as caught:
        _record(world, "olle")
    assert _codes(caught.value) == {"__all__": ["destination"]}
    assert "Skydd > Vistelseort" in caught.value.messages[0] and "Gömby" not in caught.value.messages[0]
    assert not Transfer.objects.exists() and not Disclosure.objects.exists()
    transfer = _record(world, "hanna", municipality="Gömby kommun, socialtjänsten")
    assert transfer.disclosure.destination


def test_a_transfer_to_a_destination_is_shown_to_the_named_staff_alone(world: World) -> None:
    _destination(world)
    first = _record(world, "hanna", municipality="Gömby kommun, socialtjänsten")
    register = reverse("collaboration:disclosures", args=[world.own_case.public_id])
    timeline = reverse("casefile:case_timeline", args=[world.own_case.public_id])
    correct = reverse("collaboration:disclosure_correct", args=[world.own_case.public_id, first.disclosure.public_id])
    for user in ("olle", "karin", "bo"):
        client = signed_in(world.user(user))
        for url in (register, timeline):
            text = client.get(url).content.decode()
            assert "Gömby" not in text and SENT not in text, (user, url)
    assert signed_in(world.user("olle")).get(correct).status_code == 404
    named = signed_in(world.user("hanna"))
    assert "Gömby kommun, socialtjänsten" in named.get(register).content.decode()
    assert "Gömby" not in named.get(timeline).content.decode()  # the register's, never the timeline's
    # A correction of it is about the destination too.
    from collaboration.disclosures import disclosure_record
    from collaboration.tests.helpers import young

    fixed = disclosure_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=young(
            world,
            recipient_kind=RecipientKind.MUNICIPALITY,
            recipient="Gömby kommun",
            basis=bases.NECESSARY,
            conditions=frozenset({"2-necessary"}),
            corrects=str(first.disclosure.public_id),
        ),
    )
    assert fixed.destination
    assert "Gömby" not in signed_in(world.user("olle")).get(register).content.decode()


def test_the_childs_live_participation_is_named(world: World) -> None:
    from programme.services import RaiseInput, participation_raise

    participation = participation_raise(
        actor=Actor.system(world.user("adam")),
        case_public_id=world.own_case.public_id,
        data=RaiseInput(raised_on=timezone.localdate(), raised_how="report", raised_by="Polisen"),
    )
    assert _record(world).participation == participation


def test_another_teams_worker_gets_404_and_a_treatment_worker_403(world: World) -> None:
    with pytest.raises(Http404):
        _record(world, "sara")
    assert AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="collaboration.transfer").exists()
    url = reverse("collaboration:transfer_new", args=[world.own_case.public_id])
    assert signed_in(world.user("bo")).get(url).status_code == 403


def test_the_form_links_every_problem_and_records_a_transfer(world: World) -> None:
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:transfer_new", args=[world.own_case.public_id])
    refused = client.post(url, {"basis": "necessary"})
    text = refused.content.decode()
    assert refused.status_code == 200
    for field in ("recipient", "what", "assessment", "reason_0", "channel_0", "conditions_necessary_0"):
        assert f'href="#id_{field}"' in text
    posted = {
        "recipient": "Kvarnby kommun",
        "disclosed_on": timezone.localdate().isoformat(),
        "reason": "moved",
        "channel": "written",
        "what": SENT,
        "basis": "necessary",
        "conditions_necessary": ["2-necessary"],
        "assessment": "Nödvändigt.",
    }
    assert client.post(url, posted).status_code == 302
    assert Transfer.objects.get().disclosure == Disclosure.objects.get()


def test_the_database_refuses_update_and_delete(world: World) -> None:
    transfer = _record(world)
    for change in (
        lambda: Transfer.objects.filter(pk=transfer.pk).update(reason=TransferReason.OTHER),
        lambda: Transfer.objects.filter(pk=transfer.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def test_the_register_reads_in_the_same_queries_for_5_transfers_as_for_50(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    from collaboration.selectors import disclosure_page

    actor = Actor.system(world.user("hanna"))
    for _n in range(5):
        _record(world)
    with CaptureQueriesContext(connection) as five:
        assert len(disclosure_page(actor, world.own_case.public_id).transfers) == 5
    for _n in range(45):
        _record(world)
    with django_assert_num_queries(len(five)):
        assert len(disclosure_page(actor, world.own_case.public_id).transfers) == 50
