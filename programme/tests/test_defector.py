"""Defector status against the national definition, the police's criteria, and that nothing hangs on the label."""

import ast
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from decisions.services import decision_record
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind
from programme.defector import MET, NOT_MET, CriteriaInput, DefectorInput, criteria_record, defector_assess
from programme.models import CriterionCheck, DefectorAssessment, DefectorDefinition
from programme.selectors import programme_page
from programme.tests.helpers import days_ago, moved, raised

pytestmark = pytest.mark.django_db

DEFINITION = (
    "En avhoppare är en individ som har valt att lämna organiserad brottslighet och som bedöms vara i behov av "
    "samhällets stöd och skydd för att fullfölja detta."
)


def _assess(
    world: World, participation: object, *, leave: str, support: str, on: date | None = None
) -> DefectorAssessment:
    return defector_assess(
        actor=Actor.system(world.user("adam")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,  # type: ignore[attr-defined]
        data=DefectorInput(
            chosen_to_leave=leave,
            chosen_to_leave_reasons="Säger själv att han vill ut och har bytt telefon.",
            needs_support=support,
            needs_support_reasons="Hotad efter att ha lämnat; behöver boende och skydd.",
            assessed_on=on or days_ago(1),
        ),
    )


def test_the_definition_is_stored_verbatim() -> None:
    assert DefectorDefinition.objects.get().text == DEFINITION


def test_both_parts_of_the_definition_are_assessed_each_with_its_reasons(world: World) -> None:
    participation = raised(world)
    bad = DefectorInput(
        chosen_to_leave="yes",
        chosen_to_leave_reasons="",
        needs_support="",
        needs_support_reasons="",
        assessed_on=days_ago(1),
    )
    with pytest.raises(ValidationError) as refused:
        defector_assess(
            actor=Actor.system(world.user("adam")),
            case_public_id=world.own_case.public_id,
            participation_id=participation.public_id,
            data=bad,
        )
    assert set(refused.value.error_dict) == {"chosen_to_leave_reasons", "needs_support", "needs_support_reasons"}
    assert not DefectorAssessment.objects.exists()
    assert AccessEvent.objects.get(view_name="programme.defector").action == AccessAction.REFUSED
    assert _assess(world, participation, leave="yes", support="yes").meets_definition
    assert not _assess(world, participation, leave="yes", support="unclear").meets_definition


def test_an_assessment_names_the_version_of_the_definition_in_force_on_its_day(world: World) -> None:
    participation = raised(world, days=60)
    newer = DefectorDefinition.objects.create(
        text="Ny lydelse.", valid_from=days_ago(10), source="https://example.org/"
    )
    assert _assess(world, participation, leave="yes", support="yes", on=days_ago(20)).definition.text == DEFINITION
    assert _assess(world, participation, leave="yes", support="yes", on=days_ago(5)).definition == newer


def test_the_police_criteria_are_a_dated_checklist_whose_latest_check_of_each_stands(world: World) -> None:
    participation = raised(world, days=30)
    actor = Actor.system(world.user("adam"))
    ids = {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id}
    with pytest.raises(ValidationError, match="minst ett"):
        criteria_record(actor=actor, **ids, data=CriteriaInput(checked_on=days_ago(1), states={}))
    criteria_record(actor=actor, **ids, data=CriteriaInput(checked_on=days_ago(20), states={"motivated": NOT_MET}))
    criteria_record(
        actor=actor, **ids, data=CriteriaInput(checked_on=days_ago(2), states={"motivated": MET, "threat": MET})
    )
    page = programme_page(actor, world.own_case.public_id, participation.public_id)
    stands = {c.criterion.value: (c.check.met, c.check.checked_on) if c.check else None for c in page.criteria}
    assert stands["motivated"] == (True, days_ago(2))
    assert stands["threat"] == (True, days_ago(2))
    assert stands["consents"] is None
    assert CriterionCheck.objects.count() == 3  # the earlier "not met" is kept


def test_a_child_who_does_not_meet_the_definition_gets_the_same_phases_and_decisions_on_support(
    world: World, delegation: dict
) -> None:
    participation = raised(world, days=30)
    _assess(world, participation, leave="no", support="yes")
    for phase, days in [("assessment", 20), ("support-decisions", 10), ("plan", 5), ("follow-up", 1)]:
        moved(world, participation, phase, days)
    support = decision_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=decision(DecisionKind.SUPPORT, days_ago(10)),
    )
    assert support.pk
    page = signed_in(world.user("hanna")).get(
        reverse("programme:participation", args=[world.own_case.public_id, participation.public_id])
    )
    assert "Uppfyller inte definitionen nu" in page.content.decode()


def _reads_the_label(tree: ast.AST) -> bool:
    """Reads an assessment's parts or result, or queries assessments (making one, as the demo does, is not)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            if node.attr in {"meets_definition", "defector_assessments", "chosen_to_leave", "needs_support"}:
                return True
            if node.attr == "objects" and isinstance(node.value, ast.Name) and node.value.id == "DefectorAssessment":
                return True
    return False


def test_no_code_outside_the_programme_reads_the_defector_label() -> None:
    """The label is shown, never used: only the programme's own display code may read it."""
    root = Path(__file__).resolve().parents[2]
    readers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] not in {".venv", "programme"}
        and "tests" not in path.relative_to(root).parts
        and _reads_the_label(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert readers == []


def test_the_walk_that_looks_for_readers_finds_one() -> None:
    assert _reads_the_label(ast.parse("if participation.defector_assessments.last().meets_definition: grant()"))
    assert not _reads_the_label(ast.parse("DefectorAssessment(chosen_to_leave='yes')"))
