"""Protective measures as decisions with their law: what is refused, all at once, with nothing half-saved."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent, DestinationNaming
from access.reads import read_case
from cases.services import case_open
from conftest import World, make_person, signed_in
from deadlines.models import Deadline, DeadlineKind
from decisions.models import Decision
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind, DelegateLevel, DelegationItem
from people.models import RelationKind
from people.services import relation_create
from protection import measure_secrecy as secrecy
from protection.measure_models import (
    GuardianConsent,
    PolicePlacement,
    ProtectedRegistration,
    SecretWhereabouts,
    ShelterPlacement,
)
from protection.measure_selectors import measures
from protection.measures import (
    ConfirmationInput,
    PoliceInput,
    police_placement_record,
    shelter_court_confirmation,
    shelter_court_referral,
    shelter_end,
    shelter_record,
    shelter_review,
)
from protection.models import Destination
from protection.tests.measuring import provider, second_guardian, shelter, shelter_input

pytestmark = pytest.mark.django_db
SWEDEN = ZoneInfo("Europe/Stockholm")
SATURDAY_NIGHT = datetime(2026, 11, 28, 22, 0, tzinfo=SWEDEN)


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return {name: [str(e.code) for e in errors] for name, errors in exc.value.error_dict.items()}


def _police(world: World, user: str = "hanna", **over: object) -> PolicePlacement:
    values: dict[str, object] = {
        "placed_at": SATURDAY_NIGHT,
        "police_unit": "Polisområde Malmö",
        "where_general": "Jourhem",
    }
    values.update(over)
    return police_placement_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        data=PoliceInput(**values),  # type: ignore[arg-type]
    )


def _open(kind: DeadlineKind) -> list[Deadline]:
    return list(Deadline.objects.filter(kind=kind, met_at__isnull=True, cancelled_at__isnull=True))


def _refused_rows(view_name: str) -> list[str]:
    return list(
        AccessEvent.objects.filter(action=AccessAction.REFUSED, view_name=view_name).values_list("reason", flat=True)
    )


# The police's placement


def test_a_police_placement_on_a_saturday_night_is_due_for_decision_the_next_day(world: World) -> None:
    placement = _police(world)
    [clock] = _open(DeadlineKind.POLICE_PLACEMENT_DECISION)
    # 22:00 is late: "genast" is the next day, a Sunday, since the social emergency service works every day.
    assert (clock.started_on, clock.due_on, clock.source) == (
        date(2026, 11, 28),
        date(2026, 11, 29),
        f"police-placement:{placement.pk}",
    )


def test_the_defector_specialist_records_the_police_placement_but_treatment_staff_may_not(world: World) -> None:
    assert _police(world, "adam").recorded_by == world.user("adam")
    with pytest.raises(PermissionDenied):
        _police(world, "bo")
    assert PolicePlacement.objects.count() == 1


def test_a_police_placement_in_the_future_with_an_identity_number_and_too_long_is_refused_at_once(
    world: World,
) -> None:
    with pytest.raises(ValidationError) as exc:
        _police(
            world,
            placed_at=timezone.now() + timedelta(hours=1),
            police_unit="x" * 201,
            where_general="Hos morbror 19800506-4567",
        )
    assert _codes(exc) == {
        "placed_at": ["future"],
        "police_unit": ["too_long"],
        "where_general": ["identity_number"],
    }
    assert not PolicePlacement.objects.exists() and not Deadline.objects.exists()
    assert _refused_rows("protection.police_placement") == [
        "placed_at:future, police_unit:too_long, where_general:identity_number"
    ]


def test_a_police_placement_needs_the_unit_and_where_in_general_terms(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        _police(world, police_unit=" ", where_general="")
    assert _codes(exc) == {"police_unit": ["required"], "where_general": ["required"]}


# Skyddat boende


def test_an_immediate_shelter_records_its_decision_and_starts_its_clocks(world: World, delegation: dict) -> None:
    _police(world)
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk))
    assert (made.decision.kind, made.guardian, made.other_guardian, made.destination) == (
        DecisionKind.SHELTER_IMMEDIATE,
        world.guardian,
        father,
        None,
    )
    due = {d.kind: d.due_on for d in Deadline.objects.filter(met_at__isnull=True)}
    assert due == {
        DeadlineKind.SHELTER_COURT_REFERRAL: date(2026, 12, 7),
        DeadlineKind.SHELTER_APPLICATION: date(2027, 1, 11),
        DeadlineKind.SHELTER_REVIEW: date(2027, 5, 31),
    }
    assert Deadline.objects.get(kind=DeadlineKind.POLICE_PLACEMENT_DECISION).met_at is not None


def test_shelter_with_consent_is_a_sol_insats(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    data = shelter_input(
        world,
        provider(),
        DecisionKind.SHELTER,
        other_guardian_consent=GuardianConsent.CONSENTED,
        other_guardian_id=father.pk,
    )
    assert shelter(world, data).decision.kind == DecisionKind.SHELTER
    assert {d.kind for d in Deadline.objects.all()} == {DeadlineKind.SHELTER_REVIEW}


def test_a_refused_shelter_names_every_problem_and_leaves_no_decision(world: World, delegation: dict) -> None:
    sibling = make_person("Ella", "Berg", date(2013, 1, 1), 111)
    relation_create(child=world.own_case.child, relative=sibling, kind=RelationKind.SIBLING)
    lapsed = provider(permit_to=date(2025, 12, 31))
    data = shelter_input(
        world,
        lapsed,
        guardian_id=sibling.pk,  # not a guardian
        guardian_granted_on=None,  # nor granted skyddat boende
        other_guardian_consent=GuardianConsent.CONSENTED,  # consent, but an immediate decision
        decision=decision(DecisionKind.SHELTER_IMMEDIATE, date(2026, 11, 30), legal_basis_id=None),
    )
    with pytest.raises(ValidationError) as exc:
        shelter(world, data)
    assert _codes(exc) == {
        "legal_basis": ["None"],  # the decision's own check gives a message without a code
        "guardian": ["not_custodian"],
        "guardian_granted_on": ["guardian_not_granted"],
        "other_guardian": ["other_missing"],
        "other_guardian_consent": ["consent_kind"],
        "provider": ["provider_not_valid"],
    }
    assert "inget giltigt tillstånd från IVO" in str(exc.value)
    assert not Decision.objects.exists() and not ShelterPlacement.objects.exists() and not Deadline.objects.exists()
    assert len(_refused_rows("protection.shelter")) == 1


def test_a_decision_that_passes_with_a_measure_that_does_not_is_rolled_back(world: World, delegation: dict) -> None:
    data = shelter_input(world, provider(), guardian_granted_on=date(2026, 12, 1))  # after the decision
    with pytest.raises(ValidationError) as exc:
        shelter(world, data)
    assert set(_codes(exc)) == {"guardian_granted_on", "other_guardian"}
    assert not Decision.objects.exists() and not Deadline.objects.exists()


def test_no_other_guardian_is_refused_when_the_child_has_one(world: World, delegation: dict) -> None:
    second_guardian(world)
    data = shelter_input(world, provider(), DecisionKind.SHELTER, other_guardian_consent=GuardianConsent.NO_OTHER)
    with pytest.raises(ValidationError) as exc:
        shelter(world, data)
    assert _codes(exc) == {"other_guardian": ["other_exists"]}


def test_not_consented_only_with_an_application_or_an_immediate_decision(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    data = shelter_input(world, provider(), DecisionKind.SHELTER, other_guardian_id=father.pk)
    with pytest.raises(ValidationError) as exc:
        shelter(world, data)
    assert _codes(exc) == {"other_guardian_consent": ["consent_kind"]}
    application = shelter_input(world, provider(org_number="212000-1355"), DecisionKind.SHELTER_APPLICATION)
    made = shelter(world, replace(application, other_guardian_id=father.pk))
    assert made.decision.kind == DecisionKind.SHELTER_APPLICATION


def test_a_young_adult_is_not_granted_skyddat_boende_for_a_child(world: World, delegation: dict) -> None:
    adult = make_person("Kim", "Lund", date(2007, 1, 1), 222)
    relation_create(child=adult, relative=world.guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    case = case_open(child=adult, team=world.team_a, responsible=world.user("hanna"))
    data = shelter_input(world, provider(), DecisionKind.SHELTER, other_guardian_consent=GuardianConsent.NO_OTHER)
    with pytest.raises(ValidationError) as exc:
        shelter_record(actor=Actor.system(world.user("hanna")), case_public_id=case.public_id, data=data)
    assert _codes(exc) == {"kind": ["not_a_child"]}


def test_the_referral_is_recorded_once_and_meets_its_week(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk))
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    shelter_court_referral(actor=actor, case_public_id=case, shelter_id=made.public_id, referred_on=date(2026, 12, 1))
    made.refresh_from_db()
    assert made.court_referred_on == date(2026, 12, 1)
    assert not _open(DeadlineKind.SHELTER_COURT_REFERRAL)
    with pytest.raises(ValidationError, match="redan underställt"):
        shelter_court_referral(
            actor=actor, case_public_id=case, shelter_id=made.public_id, referred_on=date(2026, 12, 1)
        )


def _confirm(world: World, made: ShelterPlacement, confirmed_on: date, placed_on: date) -> ShelterPlacement:
    return shelter_court_confirmation(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        shelter_id=made.public_id,
        data=ConfirmationInput(confirmed_on=confirmed_on, placed_on=placed_on),
    )


def test_once_the_court_confirms_the_six_weeks_count_from_the_placement_over_christmas(
    world: World, delegation: dict
) -> None:
    """4 kap. 6 § lag (2024:79): six weeks from the day the placement began, once the court has confirmed."""
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk, decided_on=date(2026, 11, 10)))
    assert _open(DeadlineKind.SHELTER_APPLICATION)[0].due_on == date(2026, 12, 22)  # from the decision, at the earliest
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    with pytest.raises(ValidationError, match="underställts"):
        _confirm(world, made, date(2026, 11, 20), date(2026, 11, 13))
    shelter_court_referral(actor=actor, case_public_id=case, shelter_id=made.public_id, referred_on=date(2026, 11, 12))
    confirmed = _confirm(world, made, date(2026, 11, 18), date(2026, 11, 13))
    assert (confirmed.court_confirmed_on, confirmed.placed_on) == (date(2026, 11, 18), date(2026, 11, 13))
    [application] = _open(DeadlineKind.SHELTER_APPLICATION)
    # 25 December is juldagen, 26 annandag jul (a Saturday), then a Sunday.
    assert (application.started_on, application.due_on) == (date(2026, 11, 13), date(2026, 12, 28))
    replaced = Deadline.objects.get(kind=DeadlineKind.SHELTER_APPLICATION, cancelled_at__isnull=False)
    assert "placeringen påbörjades" in replaced.cancel_reason
    with pytest.raises(ValidationError, match="redan registrerat"):
        _confirm(world, made, date(2026, 11, 18), date(2026, 11, 13))


def test_a_confirmation_with_bad_days_names_both_and_changes_nothing(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk))
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    shelter_court_referral(actor=actor, case_public_id=case, shelter_id=made.public_id, referred_on=date(2026, 12, 1))
    with pytest.raises(ValidationError) as exc:
        _confirm(world, made, date(2026, 11, 30), date(2026, 11, 29))  # before the referral; before the decision
    assert _codes(exc) == {"confirmed_on": ["day"], "placed_on": ["day"]}
    made.refresh_from_db()
    assert made.court_confirmed_on is None and _open(DeadlineKind.SHELTER_APPLICATION)[0].due_on == date(2027, 1, 11)


def test_a_shelter_with_consent_is_not_referred(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    data = shelter_input(
        world, provider(), DecisionKind.SHELTER, other_guardian_consent="consented", other_guardian_id=father.pk
    )
    made = shelter(world, data)
    with pytest.raises(ValidationError, match="Bara ett omedelbart"):
        shelter_court_referral(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            shelter_id=made.public_id,
            referred_on=date(2026, 12, 1),
        )


def test_a_review_meets_the_last_and_starts_the_next_and_the_end_stops_them(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk))
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    shelter_review(
        actor=actor,
        case_public_id=case,
        shelter_id=made.public_id,
        data=decision(DecisionKind.SHELTER_REVIEW, date(2026, 12, 1)),
    )
    assert [d.due_on for d in _open(DeadlineKind.SHELTER_REVIEW)] == [date(2027, 6, 1)]
    shelter_end(actor=actor, case_public_id=case, shelter_id=made.public_id, ended_on=date(2026, 12, 2))
    assert not _open(DeadlineKind.SHELTER_REVIEW) and not _open(DeadlineKind.SHELTER_APPLICATION)
    with pytest.raises(ValidationError, match="redan avslutat"):
        shelter_end(actor=actor, case_public_id=case, shelter_id=made.public_id, ended_on=date(2026, 12, 2))


def test_the_six_monthly_review_by_an_officer_is_refused_for_the_law_keeps_it_for_the_section(
    world: World, delegation: dict
) -> None:
    # 30 kap. 6 § 2 and 8 § 4 SoL (2025:400): the consideration of skyddat boende only to a section.
    made = shelter(world, shelter_input(world, provider(), other_guardian_id=second_guardian(world).pk))
    section = decision(DecisionKind.SHELTER_REVIEW, date(2026, 12, 1))
    officer = DelegationItem.objects.create(
        code="D 98",
        decision_kind=DecisionKind.SHELTER_REVIEW,
        delegate="Socialsekreterare",
        delegate_level=DelegateLevel.OFFICER,
        delegate_role="caseworker",
        valid_from=date(2020, 1, 1),
    )
    review = replace(section, delegation_id=officer.pk)
    with pytest.raises(ValidationError) as exc:
        shelter_review(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            shelter_id=made.public_id,
            data=review,
        )
    assert _codes(exc) == {"delegation": ["delegation_reserved"]}
    assert "30 kap. 6 § 2 och 8 § 4 SoL (2025:400)" in str(exc.value)
    assert not Decision.objects.filter(kind=DecisionKind.SHELTER_REVIEW).exists()


# LVU 14 § and skyddad folkbokföring


def _secret(world: World, hidden: list[int]) -> SecretWhereabouts:
    return secrecy.secret_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=secrecy.SecretInput(
            decision=decision(DecisionKind.LVU_SECRET_WHEREABOUTS, date(2026, 11, 30)), hidden_from_ids=hidden
        ),
    )


def test_the_whereabouts_are_kept_from_the_chosen_guardians_and_reviewed_every_three_months(
    world: World, delegation: dict
) -> None:
    father = second_guardian(world)
    secret = _secret(world, [father.pk])
    assert list(secret.hidden_from.all()) == [father]
    assert [d.due_on for d in _open(DeadlineKind.LVU_SECRET_REVIEW)] == [date(2027, 3, 1)]  # 28 Feb is a Sunday
    secrecy.secret_review(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        secret_id=secret.public_id,
        data=decision(DecisionKind.LVU_SECRET_REVIEW, date(2026, 12, 2)),
    )
    assert [d.due_on for d in _open(DeadlineKind.LVU_SECRET_REVIEW)] == [date(2027, 3, 2)]


def test_the_whereabouts_are_hidden_only_from_the_childs_guardians_and_from_at_least_one(
    world: World, delegation: dict
) -> None:
    stranger = make_person("Okänd", "Person", date(1970, 1, 1), 333)
    for hidden in ([], [stranger.pk]):
        with pytest.raises(ValidationError) as exc:
            _secret(world, hidden)
        assert _codes(exc) == {"hidden_from": ["hidden_from"]}
    assert not Decision.objects.exists()


def test_an_lvu_14_decision_delegated_to_an_officer_is_refused_with_the_law(world: World, delegation: dict) -> None:
    section = decision(DecisionKind.LVU_SECRET_WHEREABOUTS, date(2026, 11, 30))
    # Entered as data before the limit was known: the order itself now refuses such an item.
    officer = DelegationItem.objects.create(
        code="D 99",
        decision_kind=DecisionKind.LVU_SECRET_WHEREABOUTS,
        delegate="Socialsekreterare",
        delegate_level=DelegateLevel.OFFICER,
        delegate_role="caseworker",
        valid_from=date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        secrecy.secret_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            data=secrecy.SecretInput(
                decision=replace(section, delegation_id=officer.pk), hidden_from_ids=[world.guardian.pk]
            ),
        )
    assert _codes(exc) == {"delegation": ["delegation_reserved"]}
    assert "lagen låter nämnden delegera det bara till: nämnden, nämndens utskott" in str(exc.value)
    assert "14 § LVU" in str(exc.value)
    assert not SecretWhereabouts.objects.exists() and not Decision.objects.exists()


def test_skyddad_folkbokforing_is_applied_for_while_the_whereabouts_are_secret_and_its_outcome_is_told_once(
    world: World, delegation: dict
) -> None:
    secret = _secret(world, [world.guardian.pk])
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    applied = secrecy.registration_apply(
        actor=actor, case_public_id=case, secret_id=secret.public_id, applied_on=date(2026, 12, 1)
    )
    secrecy.registration_outcome(
        actor=actor,
        case_public_id=case,
        registration_id=applied.public_id,
        outcome="granted",
        outcome_on=date(2026, 12, 2),
    )
    applied.refresh_from_db()
    assert (applied.outcome, applied.outcome_on) == ("granted", date(2026, 12, 2))
    with pytest.raises(ValidationError, match="redan registrerat"):
        secrecy.registration_outcome(
            actor=actor,
            case_public_id=case,
            registration_id=applied.public_id,
            outcome="refused",
            outcome_on=date(2026, 12, 2),
        )
    secrecy.secret_end(actor=actor, case_public_id=case, secret_id=secret.public_id, ended_on=date(2026, 12, 2))
    assert not _open(DeadlineKind.LVU_SECRET_REVIEW)
    with pytest.raises(ValidationError, match="har redan upphört"):
        secrecy.registration_apply(
            actor=actor, case_public_id=case, secret_id=secret.public_id, applied_on=date(2026, 12, 2)
        )
    assert ProtectedRegistration.objects.count() == 1


def test_an_outcome_must_be_a_real_one_after_the_application(world: World, delegation: dict) -> None:
    secret = _secret(world, [world.guardian.pk])
    actor, case = Actor.system(world.user("hanna")), world.own_case.public_id
    applied = secrecy.registration_apply(
        actor=actor, case_public_id=case, secret_id=secret.public_id, applied_on=date(2026, 12, 1)
    )
    with pytest.raises(ValidationError) as exc:
        secrecy.registration_outcome(
            actor=actor,
            case_public_id=case,
            registration_id=applied.public_id,
            outcome="pending",
            outcome_on=date(2026, 11, 1),
        )
    assert _codes(exc) == {"outcome": ["outcome"], "outcome_on": ["outcome_on"]}


# What the protection page shows


def test_only_staff_named_for_the_destination_learn_the_shelter_and_that_one_is_set(
    world: World, delegation: dict
) -> None:
    father = second_guardian(world)
    made = shelter(world, shelter_input(world, provider(name="Kanariehemmet AB"), other_guardian_id=father.pk))
    place = Destination.objects.create(
        case=world.own_case,
        municipality="Kanariekommun-7f3a",
        address="Kanarievägen 7f3a",
        from_on=date(2026, 11, 30),
        entered_by=world.user("karin"),
        entered_at=timezone.now(),
    )
    ShelterPlacement.objects.filter(pk=made.pk).update(destination=place)
    url = reverse("protection:page", args=[world.own_case.public_id])
    text = signed_in(world.user("hanna")).get(url).content.decode()
    assert "Ett skyddat mål är registrerat." not in text
    assert "Kanarie" not in text and "7f3a" not in text  # neither the place nor the shelter that is one
    assert "Underställning av omedelbart skyddat boende" in text and "2026-12-07" in text
    DestinationNaming.objects.create(
        case=world.own_case,
        user=world.user("hanna"),
        reason="Flytten.",
        named_by=world.user("karin"),
        named_at=timezone.now(),
    )
    text = signed_in(world.user("hanna")).get(url).content.decode()
    assert "Ett skyddat mål är registrerat." in text and "Kanariehemmet AB" in text
    assert "Kanarievägen" not in text  # the address itself only on the destination's own page


def test_the_measures_cost_the_same_however_many_there_are(
    world: World, delegation: dict, django_assert_num_queries: object
) -> None:
    father, at = second_guardian(world), provider()
    for day in (date(2026, 11, 27), date(2026, 11, 30)):
        _police(world, placed_at=datetime(2026, 11, 27, 10, tzinfo=SWEDEN))
        shelter(world, shelter_input(world, at, other_guardian_id=father.pk, decided_on=day))
    _secret(world, [father.pk])
    read = read_case(Actor.system(world.user("hanna")), world.own_case.public_id, view_name="protection.page")
    # Six for the measures, one for whether the reader is named for the destination.
    with django_assert_num_queries(7):  # type: ignore[operator]
        shown = measures(read)
        assert [len(shown.police), len(shown.shelters), len(shown.secrets)] == [2, 2, 1]
        assert all(len(s.hidden_from.all()) == 1 for s in shown.secrets)


# The screens


def test_the_defector_specialist_records_a_police_placement_through_the_form(world: World) -> None:
    url = reverse("protection:police_new", args=[world.own_case.public_id])
    client = signed_in(world.user("adam"))
    assert client.get(url).status_code == 200
    data = {"placed_at": "2026-11-28 22:00", "police_unit": "Polisområde Malmö", "where_general": "Jourhem"}
    response = client.post(url, data)
    assert response["Location"] == reverse("protection:page", args=[world.own_case.public_id])
    assert PolicePlacement.objects.get().placed_at == SATURDAY_NIGHT
    assert signed_in(world.user("bo")).post(url, data).status_code == 403
    assert PolicePlacement.objects.count() == 1


def test_an_empty_shelter_form_names_every_missing_field_at_once(world: World, delegation: dict) -> None:
    url = reverse("protection:shelter_new", args=[world.own_case.public_id])
    response = signed_in(world.user("hanna")).post(url, {"reasons": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {
        "kind",
        "guardian",
        "guardian_granted_on",
        "other_guardian_consent",
        "provider",
        "legal_basis",
        "delegation",
        "decided_by_name",
        "reasons",
    }
    assert not Decision.objects.exists()


def test_the_shelter_form_offers_only_the_guardians_the_reader_may_see(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    father.protection_level = "skyddad_folkbokforing"
    father.save(update_fields=["protection_level"])
    page = signed_in(world.user("olle")).get(reverse("protection:shelter_new", args=[world.own_case.public_id]))
    text = page.content.decode()
    assert "Maria Berg" in text and "Jonas" not in text
