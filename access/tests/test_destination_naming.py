"""Naming staff for a case's protected destination: the unit manager of the case's unit alone, with a
written reason, only of staff already working in the case; logged, refused with reasons, withdrawn."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from access.actor import Actor
from access.destination_naming import (
    DestinationNamingInput,
    destination_name,
    destination_naming_withdraw,
    nameable_for_destination,
)
from access.models import AccessAction, AccessEvent, DestinationNaming
from access.rules import may_see_destination
from conftest import World, signed_in
from protection.tests.helpers import named

pytestmark = pytest.mark.django_db


def _name(world: World, by: str, user: str, reason: str = "Handlägger omflyttningen.") -> DestinationNaming:
    return destination_name(
        actor=Actor.system(world.user(by)),
        case_public_id=world.own_case.public_id,
        data=DestinationNamingInput(user_id=world.user(user).pk, reason=reason),
    )


def test_the_unit_manager_names_a_worker_who_then_sees_the_destination(world: World) -> None:
    assert not may_see_destination(world.user("hanna"), world.own_case)
    naming = _name(world, "karin", "hanna")
    assert (naming.user, naming.named_by, naming.reason) == (world.user("hanna"), world.user("karin"), naming.reason)
    assert may_see_destination(world.user("hanna"), world.own_case)
    assert not may_see_destination(world.user("olle"), world.own_case)  # same team, not named
    row = AccessEvent.objects.get(view_name="access.destination_naming")
    assert (row.action, row.case_id) == (AccessAction.WRITE, world.own_case.pk)


@pytest.mark.parametrize(
    ("user", "refusal"), [("hanna", PermissionDenied), ("adam", PermissionDenied), ("sara", Http404)]
)
def test_nobody_else_names(world: World, user: str, refusal: type[Exception]) -> None:
    with pytest.raises(refusal):
        _name(world, user, "olle")
    assert not DestinationNaming.objects.exists()
    assert AccessEvent.objects.get(view_name="access.destination_naming").action == AccessAction.DENIED


def test_a_reason_is_required_and_only_staff_of_the_case_can_be_named(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        _name(world, "karin", "sara", reason="  ")  # Söder: no way into the case
    assert set(refused.value.error_dict) == {"user_id", "reason"}
    assert not DestinationNaming.objects.exists()
    row = AccessEvent.objects.get(view_name="access.destination_naming")
    assert (row.action, row.reason) == (AccessAction.REFUSED, "user_id:user, reason:reason")


def test_named_once_and_withdrawn_with_history_kept(world: World) -> None:
    naming = named(world, "hanna")
    assert world.user("hanna") not in nameable_for_destination(world.own_case)
    destination_naming_withdraw(
        actor=Actor.system(world.user("karin")), case_public_id=world.own_case.public_id, naming_id=naming.pk
    )
    naming.refresh_from_db()
    assert naming.withdrawn_by == world.user("karin")
    assert not may_see_destination(world.user("hanna"), world.own_case)
    with pytest.raises(ValidationError):
        destination_naming_withdraw(
            actor=Actor.system(world.user("karin")), case_public_id=world.own_case.public_id, naming_id=naming.pk
        )
    assert world.user("hanna") in nameable_for_destination(world.own_case)


def test_the_page_is_the_unit_managers(world: World) -> None:
    url = reverse("access:destination_naming", args=[world.own_case.public_id])
    assert signed_in(world.user("hanna")).get(url).status_code == 403
    assert signed_in(world.user("sara")).get(url).status_code == 404
    client = signed_in(world.user("karin"))
    page = client.get(url)
    assert page.status_code == 200
    assert 'autocomplete="off"' in page.content.decode()
    response = client.post(url, {"user_id": world.user("olle").pk, "reason": ""})
    assert response.status_code == 200
    assert "Det finns fel i formuläret" in response.content.decode()
    response = client.post(url, {"user_id": world.user("olle").pk, "reason": "Ansvarig för flytten."})
    assert response.status_code == 302
    naming = DestinationNaming.objects.get()
    assert naming.user == world.user("olle")
    end = reverse("access:destination_naming_end", args=[world.own_case.public_id, naming.pk])
    assert signed_in(world.user("olle")).post(end).status_code == 403
    assert client.post(end).status_code == 302
    naming.refresh_from_db()
    assert naming.withdrawn_at is not None


def test_the_log_reviewer_sees_every_destination_row_flagged_and_can_ask_for_them_alone(world: World) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from access.review import LogQuestion, search_log
    from protection.tests.helpers import placed

    named(world, "hanna")
    placed(world, "hanna", municipality="Gävle")
    page = reverse("protection:destinations", args=[world.own_case.public_id])
    signed_in(world.user("hanna")).get(page)
    signed_in(world.user("olle")).get(page)
    signed_in(world.user("hanna")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    today = timezone.localdate()
    question = LogQuestion(first_day=today - timedelta(days=1), last_day=today, destination_only=True)
    answer = search_log(Actor.system(world.user("lars")), question)
    shown = {(row.event.username, row.event.action, row.event.view_name) for row in answer.rows}
    assert ("hanna", AccessAction.DESTINATION, "protection.destination") in shown
    assert ("olle", AccessAction.DENIED, "protection.destination") in shown
    assert not any(view == "case.overview" for _user, _action, view in shown)
    assert all(row.destination for row in answer.rows)
    everything = search_log(Actor.system(world.user("lars")), LogQuestion(first_day=today, last_day=today))
    flags = {row.event.view_name: row.destination for row in everything.rows}
    assert (flags["protection.destination"], flags["case.overview"]) == (True, False)
    body = signed_in(world.user("lars")).get(reverse("access:access_log")).content.decode()
    assert 'data-color="danger">Skyddad vistelseort</span>' in body
    old_export = {**question.to_json()}
    del old_export["destination_only"]
    assert LogQuestion.from_json(old_export).destination_only is False


def test_the_named_person_alone_is_told_and_the_notice_names_no_place(world: World) -> None:
    from deadlines.models import Notice, NoticeKind
    from protection.tests.helpers import placed

    named(world, "olle")
    placed(world, "olle", municipality="Kanariestad-5e1c")
    _name(world, "karin", "hanna")
    told = Notice.objects.filter(kind=NoticeKind.DESTINATION_NAMED, case=world.own_case)
    assert list(told.values_list("recipient__username", flat=True).order_by("recipient__username")) == [
        "hanna",
        "olle",
    ]
    queue = signed_in(world.user("hanna")).get(reverse("deadlines:work_queue")).content.decode()
    assert "Du har namngetts för den skyddade vistelseorten" in queue and "Kanarie" not in queue
    assert reverse("protection:destinations", args=[world.own_case.public_id]) in queue
