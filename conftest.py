"""Shared test world: two units, named staff, and one case of each kind the access rules care about.

- hanna (caseworker, team Norr A) owns `own_case`; she is named for the protected child in `protected_named`.
- olle (caseworker, team Norr A too) is NOT named for that protected child: he must not see it at all.
- sara (caseworker, team Söder) must not see Norr cases, except through emergency access.
- karin (unit manager, Norr) sees all Norr cases but not Söder's.
- Norr A and Söder A are their units' mottagning (intake team), where new children's cases open.
- lars (log reviewer) sees logs, not case content; anna (sysadmin) manages accounts only.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from django.utils import timezone

from access.models import EmergencyAccess, ProtectedIdentityAuthorization
from accounts.models import Role, Team, Unit, User
from cases.models import Case
from cases.services import case_open
from core.identity import synthetic_identity_number
from people.models import Person, ProtectionLevel, RelationKind
from people.services import person_create, relation_create

if TYPE_CHECKING:
    from pathlib import Path

    from delegation.models import DelegationItem
    from intake.services import SignalReceipt

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@dataclass
class World:
    norr: Unit
    team_a: Team
    team_soder: Team
    users: dict[str, User]
    own_case: Case
    other_team_case: Case
    protected_case: Case
    guardian: Person

    def user(self, name: str) -> User:
        return self.users[name]


def make_person(given: str, family: str, birth: date, serial: int, **kwargs: Any) -> Person:
    return person_create(
        given_name=given, family_name=family, synthetic_identity=synthetic_identity_number(birth, serial), **kwargs
    )  # type: ignore[arg-type]


@pytest.fixture
def world(db: None) -> World:
    norr = Unit.objects.create(name="Norr")
    soder = Unit.objects.create(name="Söder")
    team_a = Team.objects.create(unit=norr, name="Norr A", is_intake=True)
    team_soder = Team.objects.create(unit=soder, name="Söder A", is_intake=True)
    spec = {
        "hanna": (Role.CASEWORKER, norr, team_a),
        "olle": (Role.CASEWORKER, norr, team_a),
        "bo": (Role.TREATMENT, norr, team_a),
        "fia": (Role.OUTREACH, norr, team_a),
        "adam": (Role.DEFECTOR_SPECIALIST, norr, team_a),
        "sara": (Role.CASEWORKER, soder, team_soder),
        "karin": (Role.UNIT_MANAGER, norr, None),
        "lars": (Role.LOG_REVIEWER, None, None),
        "anna": (Role.SYSADMIN, None, None),
    }
    users = {
        name: User.objects.create_user(username=name, password=None, role=role, unit=unit, team=team)
        for name, (role, unit, team) in spec.items()
    }
    for user in users.values():
        TOTP.activate(user, TEST_TOTP_SECRET)
    child = make_person("Elias", "Berg", date(2011, 3, 4), 123, address="Storgatan 1")
    guardian = make_person("Maria", "Berg", date(1980, 5, 6), 456, phone="070-000 00 00")
    relation_create(child=child, relative=guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    other_child = make_person("Saga", "Holm", date(2010, 7, 8), 789)
    protected_child = make_person(
        "Alva",
        "Ek",
        date(2012, 1, 2),
        321,
        address="Hemlig väg 9",
        protection_level=ProtectionLevel.PROTECTED_REGISTRATION,
    )
    own_case = case_open(child=child, team=team_a, responsible=users["hanna"])
    other_team_case = case_open(child=other_child, team=team_soder, responsible=users["sara"])
    protected_case = case_open(child=protected_child, team=team_a, responsible=users["hanna"])
    for name in ("hanna", "karin"):
        ProtectedIdentityAuthorization.objects.create(
            person=protected_child, user=users[name], granted_by=users["karin"], granted_at=timezone.now()
        )
    return World(norr, team_a, team_soder, users, own_case, other_team_case, protected_case, guardian)


def signed_in(user: User) -> Client:
    """A client in the middle of a session: signed in and already seen, as on any page after the first.

    The first page of a session stamps it (sign-in time, activity), which writes the session once; query
    counts compare later pages, so they start from here.
    """
    client = Client()
    client.force_login(user)
    session = client.session
    session["utvag_login_at"] = session["utvag_seen_at"] = timezone.now().isoformat()
    session.save()
    return client


def case_of(receipt: "SignalReceipt") -> str:
    """The public id of the case a signal went to, which its receipt gives only to who could see the child."""
    from intake.models import Signal

    return str(Signal.objects.select_related("case").get(pk=receipt.signal_id).case.public_id)


def grant_emergency(user: User, case: Case) -> EmergencyAccess:
    now = timezone.now()
    return EmergencyAccess.objects.create(
        user=user,
        case=case,
        reason="Barnet är i akut fara, teamet nås inte.",
        started_at=now,
        expires_at=now + timedelta(hours=4),
    )


@pytest.fixture(autouse=True)
def _export_dir(settings: object, tmp_path: "Path") -> None:
    """Export files go to the test's own directory, never to var/ (reports.exports.files)."""
    settings.EXPORT_DIR = tmp_path / "exports"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    """Tests that seed hash nine demo passwords; the real hasher is for real passwords only."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def delegation(db: None) -> dict[str, "DelegationItem"]:
    """A delegation order with one item per kind of decision, in force since 2020, as the law allows:
    what the law keeps from officers (LVU, skyddat boende without consent) to the committee's section, the rest
    to the case worker (signed by hanna or olle)."""
    from accounts.models import Role
    from delegation.models import DecisionKind, DelegateLevel, DelegationItem, DelegationLimit

    reserved = {limit.decision_kind for limit in DelegationLimit.objects.all() if "officer" not in limit.allowed_levels}

    def level(kind: str) -> str:
        return DelegateLevel.SECTION if kind in reserved else DelegateLevel.OFFICER

    return {
        kind: DelegationItem.objects.create(
            code=f"D {number}",
            decision_kind=kind,
            delegate="Sociala utskottet" if level(kind) == DelegateLevel.SECTION else "Socialsekreterare",
            delegate_level=level(kind),
            delegate_role=None if level(kind) == DelegateLevel.SECTION else Role.CASEWORKER,
            valid_from=date(2020, 1, 1),
        )
        for number, kind in enumerate(DecisionKind.values, start=1)
    }
