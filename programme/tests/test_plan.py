"""The plan: goals across the domains, consent as SoL (2025:400) 21 kap. 1 § has it, decisions where the
law asks for an individual needs assessment, follow-ups that review every goal, and the child's PDF."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from cases.services import case_open
from conftest import World, make_person, signed_in
from decisions.models import Decision
from decisions.services import decision_record
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind
from people.models import RelationKind
from people.services import relation_create
from programme.consent import Given, consent_needed
from programme.models import Consent, FollowUp, ItemReview, ItemStatus, Participation, PlanItem
from programme.plan import FollowUpInput, ItemInput, consent_withdraw, follow_up_record, plan_item_add
from programme.tests.helpers import raised

pytestmark = pytest.mark.django_db

BOTH = frozenset({1, 2})


@pytest.mark.parametrize(
    ("insats", "age", "guardians", "child", "reasons", "answer"),
    [
        ("open-care", 11, frozenset({1}), True, "Lämpligt.", "under_12"),  # one of two guardians is not enough
        ("open-care", 11, BOTH, False, "", "guardians"),
        ("open-care", 12, frozenset(), True, "Lämpligt: hotad hemma.", "child"),  # 12 and over: the child alone
        ("kontaktperson", 14, frozenset(), True, "", "suitable_reasons"),
        ("open-care", 15, frozenset(), False, "Lämpligt.", "child_consent"),
        ("placement", 16, frozenset({1}), True, "Lämpligt.", "guardians_always"),  # care away from home: always
        ("partner", 9, frozenset(), False, "", "none"),  # the school's own support is not the committee's insats
        ("open-care", None, frozenset(), True, "Lämpligt.", "under_12"),  # no birth date: treated as under 12
    ],
)
def test_the_consent_an_insats_needs(
    insats: str, age: int | None, guardians: frozenset[int], child: bool, reasons: str, answer: str
) -> None:
    given = Given(custodians=BOTH, guardians=guardians, child=child, suitable_reasons=reasons)
    result = consent_needed(insats, age, given)
    assert (result.route or result.problem) == answer


def _support(world: World, case: object = None) -> Decision:
    return decision_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=(case or world.own_case).public_id,  # type: ignore[attr-defined]
        data=decision(DecisionKind.SUPPORT, timezone.localdate() - timedelta(days=2)),
    )


def _item(**overrides: object) -> ItemInput:
    today = timezone.localdate()
    values: dict[str, object] = {
        "domain": "school",
        "goal_child": "Jag vill klara nian.",
        "goal_worker": "Närvaro över 80 procent till terminens slut.",
        "insats": "partner",
        "description": "Studiestöd och daglig närvarokontroll",
        "responsible": "Skolans kurator",
        "starts_on": today,
        "follow_up_on": today + timedelta(days=60),
    }
    values.update(overrides)
    return ItemInput(**values)  # type: ignore[arg-type]


def _add(world: World, participation: Participation, data: ItemInput, user: str = "hanna") -> PlanItem:
    return plan_item_add(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=data,
    )


def test_a_kontaktperson_needs_its_decision_and_a_15_year_old_may_consent_alone(world: World, delegation: dict) -> None:
    participation = raised(world)
    kontaktperson = {
        "insats": "kontaktperson",
        "domain": "psychosocial",
        "description": "Kontaktperson två kvällar i veckan",
    }
    with pytest.raises(ValidationError) as refused:
        _add(world, participation, _item(**kontaktperson))
    assert set(refused.value.error_dict) == {"decision_id", "child_consents"}
    item = _add(
        world,
        participation,
        _item(
            **kontaktperson,
            decision_id=_support(world).pk,
            child_consents=True,
            consent_how="Muntligt vid mötet",
            suitable_reasons="Vårdnadshavaren nås inte och Elias vill själv ha stödet nu.",
        ),
    )
    consent = Consent.objects.get(item=item)
    assert (consent.given_by, consent.legal_basis.provision) == ("child", "21 kap. 1 §")  # type: ignore[union-attr]


def test_a_guardian_without_custody_cannot_consent(world: World) -> None:
    participation = raised(world)
    father = make_person("Per", "Berg", date(1979, 2, 2), 654)
    relation_create(child=world.own_case.child, relative=father, kind=RelationKind.PARENT_WITHOUT_CUSTODY)
    with pytest.raises(ValidationError) as refused:
        _add(world, participation, _item(insats="open-care", guardian_ids=[father.pk], consent_how="Telefon"))
    assert "guardian_ids" in refused.value.error_dict
    assert not PlanItem.objects.exists()
    assert AccessEvent.objects.filter(view_name="programme.plan_item", action=AccessAction.REFUSED).exists()


def test_a_child_under_12_gets_an_open_insats_only_with_every_guardians_consent(world: World) -> None:
    young = make_person("Nils", "Lund", timezone.localdate() - timedelta(days=11 * 365), 777)
    mother = make_person("Mia", "Lund", date(1985, 1, 1), 778)
    relation_create(child=young, relative=mother, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    case = case_open(child=young, team=world.team_a, responsible=world.user("hanna"))
    participation = raised(world, case=case)
    alone = {"insats": "open-care", "child_consents": True, "consent_how": "Muntligt", "suitable_reasons": "Lämpligt."}
    with pytest.raises(ValidationError) as refused:
        _add(world, participation, _item(**alone))
    assert [e.code for e in refused.value.error_dict["child_consents"]] == ["under_12"]
    item = _add(world, participation, _item(insats="open-care", guardian_ids=[mother.pk], consent_how="Skriftligt"))
    assert Consent.objects.get(item=item).guardian == mother


def test_withdrawing_the_only_consent_stops_the_insats(world: World) -> None:
    participation = raised(world)
    item = _add(world, participation, _item(insats="open-care", guardian_ids=[world.guardian.pk], consent_how="Möte"))
    consent = Consent.objects.get(item=item)
    consent_withdraw(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,
        consent_id=consent.pk,
        withdrawn_on=timezone.localdate(),
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.STOPPED
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()


def test_a_follow_up_reviews_every_running_goal_and_records_the_childs_view(world: World) -> None:
    participation = raised(world)
    school = _add(world, participation, _item())
    family = _add(world, participation, _item(domain="family", description="Familjesamtal varannan vecka"))
    actor, ids = (
        Actor.system(world.user("hanna")),
        {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id},
    )
    with pytest.raises(ValidationError) as refused:
        follow_up_record(
            actor=actor,
            **ids,
            data=FollowUpInput(
                held_on=timezone.localdate(), child_view=" ", reviews={school.pk: ("ongoing", "Bättre närvaro.")}
            ),
        )
    assert set(refused.value.error_dict) == {"child_view", f"review_{family.pk}"}
    follow_up_record(
        actor=actor,
        **ids,
        data=FollowUpInput(
            held_on=timezone.localdate(),
            child_view="Det går bättre i skolan, hemma är det bråkigt.",
            reviews={school.pk: ("met", "Närvaro 85 procent."), family.pk: ("ongoing", "Två samtal av fyra.")},
        ),
    )
    assert dict(PlanItem.objects.values_list("pk", "status")) == {school.pk: "met", family.pk: "ongoing"}


def test_the_plan_page_reads_in_the_same_number_of_queries_from_5_goals_to_200(world: World) -> None:
    participation = raised(world)
    client = signed_in(world.user("hanna"))
    url = reverse("programme:plan", args=[world.own_case.public_id, participation.public_id])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(5):
        _add(world, participation, _item(insats="open-care", guardian_ids=[world.guardian.pk], consent_how="Möte"))
    five = queries()
    _grow_to_200(world, participation)
    assert queries() == five


def _grow_to_200(world: World, participation: Participation) -> None:
    """195 goals more, each naming a service, with its consent, and a follow-up that reviewed them."""
    from catalogue.tests.test_catalogue import added

    hanna, today, service = world.user("hanna"), timezone.localdate(), added(world)
    items = PlanItem.objects.bulk_create(
        PlanItem(
            participation=participation,
            domain="treatment",
            goal_child="Mål",
            goal_worker="Mål",
            insats="open-care",
            description=f"Mål {n}",
            service=service,
            responsible="Öppenvården",
            starts_on=today,
            follow_up_on=today + timedelta(days=60),
            status=ItemStatus.ONGOING,
            created_by=hanna,
        )
        for n in range(195)
    )
    Consent.objects.bulk_create(
        Consent(item=i, given_by="guardian", guardian=world.guardian, given_on=today, how="Möte", recorded_by=hanna)
        for i in items
    )
    meeting = FollowUp.objects.create(participation=participation, held_on=today, child_view="Bra", recorded_by=hanna)
    ItemReview.objects.bulk_create(
        ItemReview(follow_up=meeting, item=i, status=ItemStatus.ONGOING, note="Går bra") for i in items
    )


def test_the_plan_pdf_is_plain_swedish_with_nothing_protected_and_is_logged_as_a_print(world: World) -> None:
    participation = raised(world)
    _add(world, participation, _item(insats="open-care", guardian_ids=[world.guardian.pk], consent_how="Möte"))
    url = reverse("programme:plan_pdf", args=[world.own_case.public_id, participation.public_id])
    with mock.patch("programme.plan_selectors.render_pdf", side_effect=lambda html: html.encode()) as render:
        response = signed_in(world.user("hanna")).get(url)
    html = render.call_args.args[0]
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "Din plan" in html and "Jag vill klara nian." in html
    for protected in ("Storgatan", "Maria", "070-", "Polisen"):  # address, guardian, phone, who raised it
        assert protected not in html
    assert AccessEvent.objects.filter(view_name="programme.plan.pdf", action=AccessAction.PRINT).count() == 1
