"""What a disclosure may rest on, and what each provision asks, as the statute has it (OSL 2009:400,
read in docs/law-sources.md part H, and SoL 2025:400 29 kap. 12 §, part M). Pure data and functions: the
service asks them, the form shows them.

Each basis says which provision row it points at (by key, found for the day by `core.legal`), the
conditions the discloser confirms one by one, who may receive under it, and for 18 a § the age limit.
Consent (12 kap. 2 §) lifts secrecy too: it is a choice of the form (`CONSENT`) but no `Basis`, for it has
no conditions to confirm. What it asks is a live consent in the consent ledger (`consents.consent_cover`,
`consent_rules`).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from collaboration.models import RecipientKind
from programme.consent import age_on

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

YOUNG, RELATIVE, AGAINST_CHILD, NECESSARY, CONSENT = "18a", "18c", "21", "necessary", "consent"
TAKE_OVER = "29-12"


@dataclass(frozen=True)
class Condition:
    key: str
    text: "_StrOrPromise"


@dataclass(frozen=True)
class Basis:
    """`recipients`: the kinds the provision lets receive (None: anyone); `under`: the person's age limit."""

    choice: str
    key: str
    label: "_StrOrPromise"
    conditions: tuple[Condition, ...]
    recipients: frozenset[str] | None = None
    under: int | None = None

    @property
    def field(self) -> str:
        """The form's field for this basis's checklist, where its problems are shown."""
        return f"conditions_{self.choice}"


# The last paragraph of 18 a and 18 c §§: a suspicion of a crime already committed goes only by other rules.
_NOT_COMMITTED = Condition("not-committed", _("Uppgiften angår inte misstanke om ett begånget brott."))

BASES: dict[str, Basis] = {
    YOUNG: Basis(
        YOUNG,
        "disclosure-young-crime-risk",
        _("OSL 10 kap. 18 a §: risk för att den unge kommer att utöva brottslig verksamhet"),
        (
            Condition(
                "18a-risk",
                _(
                    "Det finns på grund av konkreta omständigheter risk för att den unge kommer att utöva brottslig "
                    "verksamhet."
                ),
            ),
            Condition(
                "18a-suitable",
                _(
                    "Det är inte olämpligt att uppgiften lämnas ut, med hänsyn till planerade eller pågående insatser "
                    "för den unge eller av andra särskilda skäl."
                ),
            ),
            _NOT_COMMITTED,
        ),
        recipients=frozenset({RecipientKind.POLICE, RecipientKind.SECURITY_POLICE, RecipientKind.CUSTOMS}),
        under=21,
    ),
    RELATIVE: Basis(
        RELATIVE,
        "disclosure-relative-violence",
        _("OSL 10 kap. 18 c §: risk för allvarligt brott mot en närstående"),
        (
            Condition(
                "18c-risk",
                _(
                    "Det finns på grund av konkreta omständigheter risk för att den enskilde mot en närstående kommer "
                    "att begå ett brott enligt 3, 4 eller 6 kap. brottsbalken med lägst fängelse i ett år."
                ),
            ),
            Condition(
                "18c-suitable",
                _(
                    "Det är inte olämpligt att uppgiften lämnas ut, med hänsyn till planerade eller pågående insatser "
                    "för den enskilde eller den närstående eller av andra särskilda skäl."
                ),
            ),
            _NOT_COMMITTED,
        ),
        recipients=frozenset({RecipientKind.POLICE}),
    ),
    AGAINST_CHILD: Basis(
        AGAINST_CHILD,
        "disclosure-crime-against-child",
        _("OSL 10 kap. 21 §: misstanke om brott mot någon under arton år"),
        (
            Condition(
                "21-victim",
                _("Uppgiften angår misstanke om brott som riktats mot någon som inte har fyllt arton år."),
            ),
            Condition(
                "21-crime",
                _(
                    "Brottet avses i 3, 4 eller 6 kap. brottsbalken eller i lagen (1982:316) om förbud mot "
                    "könsstympning av kvinnor och oskuldsingrepp på kvinnor, eller är försök, förberedelse eller "
                    "stämpling till ett sådant brott som är belagt med straff."
                ),
            ),
        ),
        recipients=frozenset({RecipientKind.PROSECUTOR, RecipientKind.POLICE}),
    ),
    NECESSARY: Basis(
        NECESSARY,
        "handover-necessary",
        _("OSL 10 kap. 2 §: nödvändigt för nämndens egen verksamhet"),
        (
            Condition(
                "2-necessary",
                _("Det är nödvändigt att lämna uppgiften för att nämnden ska kunna fullgöra sin verksamhet."),
            ),
        ),
    ),
    # A duty to disclose in SoL, which lifts secrecy by OSL 10 kap. 28 § (docs/law-sources.md part M).
    TAKE_OVER: Basis(
        TAKE_OVER,
        "disclosure-case-transfer",
        _("SoL 29 kap. 12 §: behövs för att en annan kommun ska kunna ta över ärendet"),
        (
            Condition(
                "29-12-needed",
                _(
                    "Uppgiften behövs för att den andra kommunen ska kunna ta över ärendet enligt 29 kap. 10 eller "
                    "11 § socialtjänstlagen: överflyttning har begärts eller ärendet flyttas över."
                ),
            ),
        ),
        recipients=frozenset({RecipientKind.MUNICIPALITY}),
    ),
}

CONSENT_KEY = "handover-consent"
CONSENT_LABEL = _("OSL 12 kap. 2 §: med samtycke (välj samtycket i samtyckesregistret)")


def confirmed_texts(keys: Collection[str]) -> list["_StrOrPromise"]:
    """The words of the confirmed conditions, for the register: each once, in the provisions' order."""
    shown: dict[str, _StrOrPromise] = {}
    for basis in BASES.values():
        for condition in basis.conditions:
            if condition.key in keys:
                shown.setdefault(condition.key, condition.text)
    return list(shown.values())


def unconfirmed(basis: Basis, confirmed: Collection[str]) -> list[Condition]:
    """The basis's conditions the discloser did not confirm: every one must hold."""
    return [condition for condition in basis.conditions if condition.key not in confirmed]


def may_receive(basis: Basis, recipient_kind: str) -> bool:
    return basis.recipients is None or recipient_kind in basis.recipients


def too_old(basis: Basis, birth: date | None, day: date) -> bool:
    """Whether the person is at or over the basis's age limit on the day, or their age is not known.

    An unknown birth date cannot show the person is under the limit, so it is refused like an age over it.
    """
    if basis.under is None:
        return False
    age = age_on(birth, day)
    return age is None or age >= basis.under


def recipients_named(basis: Basis) -> str:
    """The kinds the basis lets receive, in words, for the refusal."""
    assert basis.recipients is not None  # asked only when the basis limits them
    return ", ".join(str(kind.label) for kind in RecipientKind if kind in basis.recipients)
