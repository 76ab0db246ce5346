"""The consent ledger: who consented to what being disclosed to whom, recorded by the child's worker, refused
for anyone who may not consent; a disclosure on consent rests on a live consent covering it, and on every
consent the person's age asks for; a consent stays as recorded, withdrawn once."""

from dataclasses import replace
from datetime import date, timedelta
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
from access.models import AccessAction, AccessEvent, ProtectedIdentityAuthorization
from cases.models import Case
from cases.services import case_open
from collaboration import bases, consent_rules
from collaboration.consents import partner_consent_record, partner_consent_withdraw
from collaboration.models import Disclosure, PartnerConsent, RecipientKind
from collaboration.selectors import consent_page
from collaboration.tests.helpers import COVERS, consent_data, recorded
from conftest import World, make_person, signed_in
from people.models import ProtectionLevel, RelationKind
from people.services import relation_create

pytestmark = pytest.mark.django_db


def _today() -> date:
    return timezone.localdate()


def _consent(world: World, user: str = "hanna", case: Case | None = None, **changes: Any) -> PartnerConsent:
    return partner_consent_record(
        actor=Actor.system(world.user(user)),
        case_public_id=(case or world.own_case).public_id,
        data=consent_data(world, **changes),
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def _on_consent(world: World, consent: PartnerConsent | None, on: date, **changes: Any) -> Disclosure:
    fields: dict[str, Any] = {"basis": bases.CONSENT, "conditions": frozenset(), "recipient_kind": RecipientKind.SCHOOL}
    return recorded(world, on=on, consent=str(consent.public_id) if consent else "", **(fields | changes))


def test_the_childs_worker_records_the_childs_own_consent(world: World) -> None:
    consent = _consent(world)
    assert (consent.person, consent.given_by) == (world.own_case.child, world.own_case.child)
    assert PartnerConsent.objects.get().covers == COVERS  # read back through the cipher
    write = AccessEvent.objects.get(action=AccessAction.WRITE, view_name="collaboration.consent")
    assert (write.username, write.case_id) == ("hanna", world.own_case.pk)


def test_a_guardian_with_custody_may_consent_for_the_child_and_a_parent_without_custody_may_not(world: World) -> None:
    assert _consent(world, by=world.guardian).given_by == world.guardian
    father = make_person("Per", "Berg", date(1978, 2, 3), 457)
    relation_create(child=world.own_case.child, relative=father, kind=RelationKind.PARENT_WITHOUT_CUSTODY)
    with pytest.raises(ValidationError) as caught:
        _consent(world, by=father)
    assert _codes(caught.value) == {"given_by": ["not_giver"]}
    assert "utan vårdnad" in caught.value.error_dict["given_by"][0].message
    assert PartnerConsent.objects.count() == 1
    refused = AccessEvent.objects.get(action=AccessAction.REFUSED, view_name="collaboration.consent")
    assert "given_by:not_giver" in refused.reason


def test_a_guardian_cannot_consent_about_another_adult_relative(world: World) -> None:
    sister = make_person("Lova", "Berg", date(2000, 1, 1), 458)
    relation_create(child=world.own_case.child, relative=sister, kind=RelationKind.SIBLING)
    with pytest.raises(ValidationError) as caught:
        _consent(world, about=sister, by=world.guardian)
    assert _codes(caught.value) == {"given_by": ["not_giver"]}
    assert _consent(world, about=sister).given_by == sister


def test_another_teams_worker_is_refused_like_a_missing_case_and_the_attempt_is_logged(world: World) -> None:
    with pytest.raises(Http404):
        _consent(world, "sara")
    assert not PartnerConsent.objects.exists()
    denied = AccessEvent.objects.get(action=AccessAction.DENIED, view_name="collaboration.consent")
    assert (denied.username, denied.case_id) == ("sara", world.own_case.pk)


def test_every_problem_is_answered_at_once_and_nothing_is_saved(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _consent(
            world,
            partner_kind="",
            partner=" ",
            covers="",
            purpose="",
            form="",
            given_by=str(world.other_team_case.child.public_id),
            given_on=_today() + timedelta(days=1),
        )
    assert _codes(caught.value) == {
        "given_by": ["not_of_case"],
        "partner_kind": ["required"],
        "partner": ["required"],
        "covers": ["required"],
        "purpose": ["required"],
        "form": ["required"],
        "given_on": ["future"],
    }
    with pytest.raises(ValidationError) as caught:
        _consent(world, given_on=_today() - timedelta(days=3), valid_until=_today() - timedelta(days=4))
    assert _codes(caught.value) == {"valid_until": ["before_given"]}
    assert not PartnerConsent.objects.exists()


def test_a_withdrawn_consent_covers_a_disclosure_before_the_withdrawal_and_none_from_it(world: World) -> None:
    consent = _consent(world, given_on=_today() - timedelta(days=10))
    actor = Actor.system(world.user("olle"))
    partner_consent_withdraw(
        actor=actor, case_public_id=world.own_case.public_id, consent_id=consent.public_id,
        withdrawn_on=_today() - timedelta(days=3),
    )  # fmt: skip
    before = _on_consent(world, consent, _today() - timedelta(days=4))
    assert before.consent == consent and before.on_consent and before.legal_basis.key == "handover-consent"
    assert before.conditions == []
    for day in (_today() - timedelta(days=3), _today()):  # the day of the withdrawal, and after
        with pytest.raises(ValidationError) as caught:
            _on_consent(world, consent, day)
        assert _codes(caught.value) == {"consent": ["no_consent"]}
    with pytest.raises(ValidationError) as caught:
        _on_consent(world, consent, _today() - timedelta(days=11))  # before it was given
    assert _codes(caught.value) == {"consent": ["no_consent"]}


def test_a_consent_covers_only_its_person_its_kind_of_partner_and_its_days(world: World) -> None:
    consent = _consent(world, given_on=_today() - timedelta(days=10), valid_until=_today() - timedelta(days=2))
    assert _on_consent(world, consent, _today() - timedelta(days=2)).consent == consent
    for changes in ({"on": _today() - timedelta(days=1)}, {"recipient_kind": RecipientKind.POLICE}):
        with pytest.raises(ValidationError) as caught:
            _on_consent(world, consent, **({"on": _today() - timedelta(days=5)} | changes))
        assert _codes(caught.value) == {"consent": ["no_consent"]}
    with pytest.raises(ValidationError) as caught:
        _on_consent(world, consent, _today() - timedelta(days=5), person=str(world.guardian.public_id))
    assert _codes(caught.value) == {"consent": ["no_consent"]}


def test_a_disclosure_on_consent_with_no_consent_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _on_consent(world, None, _today())
    assert _codes(caught.value) == {"consent": ["no_consent"]}
    assert not Disclosure.objects.exists()


def test_the_guardians_consent_alone_does_not_cover_a_disclosure_about_a_child_of_fifteen(world: World) -> None:
    by_guardian = _consent(world, by=world.guardian)
    with pytest.raises(ValidationError) as caught:
        _on_consent(world, by_guardian, _today())
    assert _codes(caught.value) == {"consent": ["own_consent"]}
    _consent(world)
    assert _on_consent(world, by_guardian, _today()).consent == by_guardian


def _child_of(world: World, age: int, serial: int) -> Case:
    today = _today()
    child = make_person("Ella", "Lind", today.replace(year=today.year - age) - timedelta(days=1), serial)
    relation_create(child=child, relative=world.guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return case_open(child=child, team=world.team_a, responsible=world.user("hanna"))


def test_a_child_of_thirteen_needs_its_own_consent_and_every_guardians(world: World) -> None:
    case = _child_of(world, 13, 701)
    second = make_person("Jon", "Lind", date(1979, 4, 4), 702)
    relation_create(child=case.child, relative=second, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    own = _consent(world, case=case, about=case.child)
    actor = Actor.system(world.user("hanna"))

    def disclose() -> Disclosure:
        from collaboration.disclosures import disclosure_record
        from collaboration.tests.helpers import young

        data = young(world, person=str(case.child.public_id), basis=bases.CONSENT, conditions=frozenset())
        data = replace(data, recipient_kind=RecipientKind.SCHOOL, consent=str(own.public_id))
        return disclosure_record(actor=actor, case_public_id=case.public_id, data=data)

    with pytest.raises(ValidationError) as caught:
        disclose()
    assert _codes(caught.value) == {"consent": ["guardians_consent"]}
    _consent(world, case=case, about=case.child, by=world.guardian)
    with pytest.raises(ValidationError):
        disclose()  # one guardian of two is not enough (föräldrabalken 6 kap. 13 §)
    _consent(world, case=case, about=case.child, by=second)
    assert disclose().consent == own


def test_who_must_consent_by_age() -> None:
    child = {"is_child": True}
    assert consent_rules.needed(11, **child) == consent_rules.Needed(own=False, guardians=True)
    assert consent_rules.needed(12, **child) == consent_rules.Needed(own=True, guardians=True)
    assert consent_rules.needed(14, **child) == consent_rules.Needed(own=True, guardians=True)
    assert consent_rules.needed(15, **child) == consent_rules.Needed(own=True, guardians=False)
    assert consent_rules.needed(None, **child) == consent_rules.Needed(own=True, guardians=True)
    assert consent_rules.needed(40, is_child=False) == consent_rules.Needed(own=True, guardians=False)
    assert consent_rules.missing(10, is_child=True, custodians=set(), own=False, guardians=set()) == ["no_custodian"]
    assert consent_rules.missing(9, is_child=False, custodians={1}, own=True, guardians={1}) == ["relative_minor"]
    # Custody ends at 18: a guardian may consent for the child of 17, never for the young adult of 18.
    assert consent_rules.may_give(giver=2, person=1, is_child=True, custodians={2}, age=17)
    assert not consent_rules.may_give(giver=2, person=1, is_child=True, custodians={2}, age=18)
    assert not consent_rules.may_give(giver=3, person=1, is_child=True, custodians={2}, age=10)


def test_the_database_refuses_update_of_what_a_consent_covers_and_delete(world: World) -> None:
    consent = _consent(world)
    rows = PartnerConsent.objects.filter(pk=consent.pk)
    for change in (
        lambda: rows.update(covers="Allt."),
        lambda: rows.update(given_by=world.guardian),
        lambda: rows.update(valid_until=_today()),
        lambda: rows.delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def test_a_withdrawal_is_set_once(world: World) -> None:
    consent = _consent(world, given_on=_today() - timedelta(days=5))
    actor = Actor.system(world.user("hanna"))

    def withdraw(day: date | None) -> PartnerConsent:
        return partner_consent_withdraw(
            actor=actor, case_public_id=world.own_case.public_id, consent_id=consent.public_id, withdrawn_on=day
        )

    tomorrow, too_early = _today() + timedelta(days=1), _today() - timedelta(days=6)
    for day, code in ((None, "required"), (tomorrow, "future"), (too_early, "before_given")):
        with pytest.raises(ValidationError) as caught:
            withdraw(day)
        assert _codes(caught.value) == {"withdrawn_on": [code]}
    assert withdraw(_today() - timedelta(days=1)).withdrawn_by == world.user("hanna")
    with pytest.raises(ValidationError) as caught:
        withdraw(_today())
    assert _codes(caught.value) == {"withdrawn_on": ["withdrawn"]}
    with pytest.raises(DatabaseError), transaction.atomic():  # the database too refuses a second withdrawal
        PartnerConsent.objects.filter(pk=consent.pk).update(withdrawn_on=_today())
    assert PartnerConsent.objects.get().withdrawn_on == _today() - timedelta(days=1)


def test_a_consent_about_a_protected_relative_is_only_counted_for_whoever_is_not_named(world: World) -> None:
    hidden = make_person("Nora", "Berg", date(2000, 1, 1), 614, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    relation_create(child=world.own_case.child, relative=hidden, kind=RelationKind.SIBLING)
    karin = world.user("karin")
    ProtectedIdentityAuthorization.objects.create(
        person=hidden, user=karin, granted_by=karin, granted_at=timezone.now()
    )
    _consent(world, "karin", about=hidden)
    for user, shown in (("olle", 0), ("karin", 1)):
        page = consent_page(Actor.system(world.user(user)), world.own_case.public_id)
        assert (len(page.live), page.hidden) == (shown, 1 - shown)
    with pytest.raises(ValidationError) as caught:  # nor may olle withdraw it
        partner_consent_withdraw(
            actor=Actor.system(world.user("olle")),
            case_public_id=world.own_case.public_id,
            consent_id=PartnerConsent.objects.get().public_id,
            withdrawn_on=_today(),
        )
    assert _codes(caught.value) == {"consent": ["no_consent"]}


def _grown(world: World, count: int) -> None:
    for n in range(count):
        _consent(world, by=world.guardian if n % 2 else None, given_on=_today() - timedelta(days=n % 7))


def test_the_ledger_reads_in_the_same_queries_for_5_consents_as_for_50(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    actor = Actor.system(world.user("hanna"))
    _grown(world, 5)
    with CaptureQueriesContext(connection) as five:
        assert len(consent_page(actor, world.own_case.public_id).live) == 5
    _grown(world, 45)
    with django_assert_num_queries(len(five)):
        assert len(consent_page(actor, world.own_case.public_id).live) == 50


def test_the_screens_record_list_and_withdraw_a_consent(world: World) -> None:
    client = signed_in(world.user("hanna"))
    case = world.own_case.public_id
    register = client.get(reverse("collaboration:disclosures", args=[case])).content.decode()
    assert reverse("collaboration:consents", args=[case]) in register
    url = reverse("collaboration:consent_new", args=[case])
    assert client.get(url).status_code == 200
    response = client.post(url, {"person": str(world.own_case.child.public_id)})
    assert response.status_code == 200 and not PartnerConsent.objects.exists()
    for field in ("partner", "covers", "purpose", "given_by_0", "form_0", "partner_kind_0"):
        assert f'href="#id_{field}"' in response.content.decode()
    posted = {
        "person": str(world.own_case.child.public_id),
        "partner_kind": "school",
        "partner": "Kvarnskolan",
        "covers": COVERS,
        "purpose": "Stöd i skolan.",
        "given_by": str(world.guardian.public_id),
        "given_on": _today().isoformat(),
        "form": "oral",
    }
    assert client.post(url, posted).status_code == 302
    consent = PartnerConsent.objects.get()
    listed = client.get(reverse("collaboration:consents", args=[case])).content.decode()
    assert COVERS in listed and "Maria Berg" in listed
    withdraw = reverse("collaboration:consent_withdraw", args=[case, consent.public_id])
    assert withdraw in listed
    assert client.post(withdraw, {"withdrawn_on": _today().isoformat()}).status_code == 302
    assert PartnerConsent.objects.get().withdrawn_on == _today()
    assert withdraw not in client.get(reverse("collaboration:consents", args=[case])).content.decode()
    treatment = signed_in(world.user("bo"))
    assert treatment.get(reverse("collaboration:consents", args=[case])).status_code == 200
    assert treatment.get(url).status_code == 403
