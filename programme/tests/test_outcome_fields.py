"""The outcome questions kept by the unit manager: added and retired, never changed; every problem at once."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from programme.outcome_fields import FieldInput, outcome_field_add, outcome_field_retire
from programme.outcome_models import FieldKind, OutcomeField
from programme.outcomes import fields_in_use

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _grades(**over: object) -> FieldInput:
    data = FieldInput(
        key="school_grades",
        group="school",
        label_sv="Betyg i alla ämnen",
        label_en="Passing grades in all subjects",
        kind=FieldKind.CHOICE,
        position=95,
        valid_from=TODAY(),
        choices="all; Godkänt i alla; Passed all\nsome; Godkänt i några; Passed some",
    )
    return replace(data, **over)  # type: ignore[arg-type]


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return {name: [str(e.code) for e in errors] for name, errors in exc.value.error_dict.items()}


def test_a_new_question_is_asked_from_its_day_and_a_retired_one_no_longer(world: World) -> None:
    karin = Actor.system(world.user("karin"))
    made = outcome_field_add(actor=karin, data=_grades())
    assert made.coded() == [("all", "Godkänt i alla"), ("some", "Godkänt i några")]
    assert "school_grades" in {f.key for f in fields_in_use(TODAY())}
    outcome_field_retire(actor=karin, key="own_safety", retired_on=TODAY() + timedelta(days=1))
    assert "own_safety" in {f.key for f in fields_in_use(TODAY())}
    assert "own_safety" not in {f.key for f in fields_in_use(TODAY() + timedelta(days=1))}


def test_every_problem_of_a_new_question_is_told_at_once_and_nothing_is_saved(world: World) -> None:
    bad = _grades(key="Own Safety", label_en=" ", choices="all; Godkänt", valid_from=TODAY() - timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        outcome_field_add(actor=Actor.system(world.user("karin")), data=bad)
    assert _codes(exc) == {"key": ["key"], "label_en": ["required"], "choices": ["too_few"], "valid_from": ["past"]}
    with pytest.raises(ValidationError) as exc:
        outcome_field_add(actor=Actor.system(world.user("karin")), data=_grades(key="own_safety", kind="count"))
    assert _codes(exc) == {"key": ["key_taken"], "choices": ["not_choice"]}
    assert not OutcomeField.objects.filter(key="school_grades").exists()


def test_a_question_is_retired_once_from_today_or_later_and_its_key_and_kind_never_change(world: World) -> None:
    karin = Actor.system(world.user("karin"))
    with pytest.raises(ValidationError) as exc:
        outcome_field_retire(actor=karin, key="own_safety", retired_on=TODAY() - timedelta(days=1))
    assert _codes(exc) == {"retired_on": ["past"]}
    outcome_field_retire(actor=karin, key="own_safety", retired_on=TODAY())
    with pytest.raises(ValidationError) as exc:
        outcome_field_retire(actor=karin, key="own_safety", retired_on=TODAY())
    assert _codes(exc) == {"retired_on": ["retired"]}
    with pytest.raises(Http404):
        outcome_field_retire(actor=karin, key="no_such", retired_on=TODAY())
    with pytest.raises(DatabaseError), transaction.atomic():
        OutcomeField.objects.filter(key="own_safety").update(kind=FieldKind.COUNT)


def test_only_the_unit_manager_keeps_the_questions_and_a_refusal_is_logged(world: World) -> None:
    with pytest.raises(Http404):
        outcome_field_add(actor=Actor.system(world.user("hanna")), data=_grades())
    row = AccessEvent.objects.get()
    assert (row.action, row.view_name) == (AccessAction.DENIED, "programme.outcome_fields")
    assert signed_in(world.user("hanna")).get(reverse("programme:outcome_fields")).status_code == 404


def test_the_form_adds_a_question_and_shows_every_error_at_once(world: World) -> None:
    client = signed_in(world.user("karin"))
    url = reverse("programme:outcome_field_new")
    page = client.post(url, {"key": "x", "kind": "choice", "position": 5, "valid_from": TODAY().isoformat()})
    body = page.content.decode()
    assert page.status_code == 200 and 'href="#id_key"' in body and 'href="#id_label_sv"' in body
    assert 'href="#id_choices"' in body and 'href="#id_group"' in body
    data = {
        "key": "school_grades",
        "group": "school",
        "label_sv": "Betyg i alla ämnen",
        "label_en": "Passing grades",
        "kind": "yes-no",
        "position": 95,
        "valid_from": TODAY().isoformat(),
    }
    assert client.post(url, data).status_code == 302
    listing = client.get(reverse("programme:outcome_fields")).content.decode()
    assert "Betyg i alla ämnen" in listing
    retire = reverse("programme:outcome_field_retire", args=["school_grades"])
    tomorrow = (TODAY() + timedelta(days=1)).isoformat()
    assert client.post(retire, {"retired_on": tomorrow}).status_code == 302
    assert OutcomeField.objects.get(key="school_grades").retired_on == TODAY() + timedelta(days=1)
