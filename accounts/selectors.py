"""Reads for the administrators' account pages: staff accounts only, never anything from a case."""

from dataclasses import dataclass
from datetime import datetime

from allauth.mfa.models import Authenticator
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import HistoryReason, Team, Unit, User
from core.history import change_rows

ACCOUNTS_PER_PAGE = 50
# A second factor proper: an authenticator app (TOTP) or a passkey. Recovery codes come with one of those.
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def _with_second_factor(accounts: QuerySet[User]) -> QuerySet[User]:
    enrolled = Authenticator.objects.filter(user_id=OuterRef("pk"), type__in=SECOND_FACTORS)
    return accounts.annotate(has_second_factor=Exists(enrolled))


def account_list(*, role: str = "", unit_id: int | None = None, page: int | str = 1) -> Page[User]:
    """One page of accounts, by username, with unit, team and whether a second factor is enrolled.

    Two queries whatever the page size: the count and the page.
    """
    accounts = User.objects.select_related("unit", "team__unit").order_by("username")
    if role:
        accounts = accounts.filter(role=role)
    if unit_id is not None:
        accounts = accounts.filter(Q(unit_id=unit_id) | Q(team__unit_id=unit_id))
    return Paginator(_with_second_factor(accounts), ACCOUNTS_PER_PAGE).get_page(page)


def account_detail(user_id: int) -> User | None:
    return _with_second_factor(User.objects.select_related("unit", "team__unit")).filter(pk=user_id).first()


def units() -> QuerySet[Unit]:
    return Unit.objects.order_by("name")


def teams() -> QuerySet[Team]:
    return Team.objects.select_related("unit").order_by("unit__name", "name")


@dataclass(frozen=True)
class AccountChange:
    at: datetime
    by: str
    action: str  # created / changed
    reason: str  # the label of the service's HistoryReason, or ""
    fields: list[str]


def account_history(user: User) -> list[AccountChange]:
    """Who changed the account, when and why, newest first: names of changed fields, never old values."""
    labels = dict(HistoryReason.choices)
    return [
        AccountChange(
            at=row.at, by=row.by, action=row.action, reason=str(labels.get(row.reason, "")), fields=row.fields
        )
        for row in change_rows(user.history)
    ]
