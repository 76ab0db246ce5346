"""Writing the case journal: autosaved drafts, signing, discarding. Signed entries are never changed.

Every service reaches the case only through `access.reads.changing_case`: one transaction for the
need-to-know check, its access-log row and the change (see there for what is logged when).
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from journal.models import MAX_BODY_LENGTH, DisputedBy, JournalDispute, JournalEntry


def _locked_entry(case: Case, entry_public_id: UUID | str) -> JournalEntry:
    """An entry of `case`, row-locked so autosave, signing and discarding of one draft don't race.

    Lock first, then look at signed_at: a concurrent signing is then seen, not overwritten.
    """
    key = parse_uuid(entry_public_id)
    entry = JournalEntry.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
    if entry is None:
        raise ValidationError(_("Anteckningen finns inte i ärendet."), code="not_found")
    return entry


def _check_own_draft(actor: Actor, entry: JournalEntry) -> None:
    if entry.is_signed:
        raise ValidationError(
            _("Anteckningen är signerad och kan inte ändras. Skriv en rättelse i stället."), code="not_editable"
        )
    if entry.author_id != actor.user.pk:
        raise ValidationError(_("Bara den som skrivit utkastet kan ändra det."), code="not_editable")


def _check_body(body: str) -> None:
    if not body.strip():
        raise ValidationError(_("Anteckningen är tom."), code="empty")
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            _("Anteckningen får vara högst %(max)d tecken.") % {"max": MAX_BODY_LENGTH}, code="too_long"
        )


def _check_event_date(case: Case, event_date: date) -> None:
    # Local date: just after midnight in Stockholm, UTC still says yesterday.
    if event_date > timezone.localdate():
        raise ValidationError(_("Datumet får inte ligga i framtiden."), code="future")
    birth_date = case.child.birth_date
    if birth_date is not None and event_date < birth_date:
        raise ValidationError(_("Datumet får inte ligga före barnets födelsedatum."), code="before_birth")


def signed_entry(case: Case, entry_public_id: UUID | str | None) -> JournalEntry | None:
    """A signed entry of `case` (which the caller has read or is changing through access)."""
    key = parse_uuid(entry_public_id) if entry_public_id else None
    return JournalEntry.objects.filter(case=case, public_id=key, signed_at__isnull=False).first() if key else None


def _signed_entry_to_correct(case: Case, corrects_public_id: UUID | str) -> JournalEntry:
    original = signed_entry(case, corrects_public_id)
    if original is None:
        raise ValidationError(_("Bara en signerad anteckning i samma ärende kan rättas."), code="correct_signed_only")
    return original


def journal_draft_save(
    *,
    actor: Actor,
    case_public_id: UUID | str,
    body: str,
    event_date: date | None = None,
    entry_public_id: UUID | str | None = None,
    corrects_public_id: UUID | str | None = None,
    sign: bool = False,
) -> JournalEntry:
    """Create a draft, or autosave the actor's own draft (same row); with `sign`, sign it too.

    On create `event_date` defaults to today. On update a None `event_date` or `corrects_public_id`
    keeps what the draft has. The body is stored exactly as typed: escaping is the template's job.
    Saving and signing are one transaction: either the text is saved and signed, or nothing changed.
    """
    with changing_case(
        actor, case_public_id, view_name="journal.sign" if sign else "journal.draft_save", action=CaseAction.JOURNAL
    ) as case:
        entry = _saved_draft(
            actor, case, body=body, event_date=event_date, entry_public_id=entry_public_id, corrects=corrects_public_id
        )
        if sign:
            _sign(actor, case, entry)
        return entry


def _saved_draft(
    actor: Actor,
    case: Case,
    *,
    body: str,
    event_date: date | None,
    entry_public_id: UUID | str | None,
    corrects: UUID | str | None,
) -> JournalEntry:
    entry = None
    if entry_public_id:
        # Whose draft it is comes before what is wrong with the input.
        entry = _locked_entry(case, entry_public_id)
        _check_own_draft(actor, entry)
    _check_body(body)
    if event_date is not None:
        _check_event_date(case, event_date)
    original = _signed_entry_to_correct(case, corrects) if corrects else None
    now = timezone.now()
    if entry is None:
        entry = JournalEntry(
            case=case,
            author=actor.user,
            body=body,
            event_date=event_date or timezone.localdate(),
            corrects=original,
            created_at=now,
            updated_at=now,
        )
        entry.save(force_insert=True)
        return entry
    entry.body = body
    entry.updated_at = now
    fields = ["body", "updated_at"]
    if event_date is not None:
        entry.event_date = event_date
        fields.append("event_date")
    if original is not None:
        entry.corrects = original
        fields.append("corrects")
    entry.save(update_fields=fields)
    return entry


def _sign(actor: Actor, case: Case, entry: JournalEntry) -> None:
    if entry.is_signed:
        raise ValidationError(_("Anteckningen är redan signerad."), code="already_signed")
    _check_own_draft(actor, entry)
    # Again at signing: the child's birth date may have been corrected since the draft was saved.
    _check_event_date(case, entry.event_date)
    entry.signed_at = entry.updated_at = timezone.now()
    entry.signed_by = actor.user
    entry.save(update_fields=["signed_at", "signed_by", "updated_at"])


def journal_entry_sign(*, actor: Actor, case_public_id: UUID | str, entry_public_id: UUID | str) -> JournalEntry:
    """The author signs their own draft; from then on the database refuses any change to it."""
    with changing_case(actor, case_public_id, view_name="journal.sign", action=CaseAction.JOURNAL) as case:
        entry = _locked_entry(case, entry_public_id)
        _sign(actor, case, entry)
        return entry


def journal_draft_discard(*, actor: Actor, case_public_id: UUID | str, entry_public_id: UUID | str) -> None:
    """Delete the actor's own draft. A signed entry cannot be discarded (nor deleted at all)."""
    with changing_case(actor, case_public_id, view_name="journal.discard", action=CaseAction.JOURNAL) as case:
        entry = _locked_entry(case, entry_public_id)
        _check_own_draft(actor, entry)
        entry.delete()


@dataclass(frozen=True)
class DisputeInput:
    disputed_by: str
    disputed_by_name: str
    statement: str


def _dispute_errors(data: DisputeInput) -> dict[str, str]:
    """Every check at once, so the form reports them together."""
    errors: dict[str, str] = {}
    if data.disputed_by not in DisputedBy.values:
        errors["disputed_by"] = _("Välj vem som anser att uppgiften är felaktig.")
    elif data.disputed_by != DisputedBy.CHILD and not data.disputed_by_name.strip():
        errors["disputed_by_name"] = _("Skriv namnet på den som anser att uppgiften är felaktig.")
    if len(data.disputed_by_name) > 200:
        errors["disputed_by_name"] = _("Högst %(n)d tecken.") % {"n": 200}
    statement = data.statement.strip()
    if not statement:
        errors["statement"] = _("Skriv vad personen anser är felaktigt, med personens egna ord om möjligt.")
    elif len(statement) > TEXT_LIMIT:
        errors["statement"] = _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}
    return errors


def journal_dispute_record(
    *, actor: Actor, case_public_id: UUID | str, entry_public_id: UUID | str, data: DisputeInput
) -> JournalDispute:
    """Note beside a signed entry that a person it concerns says it is wrong (14 kap. 6 § SoL).

    The entry is not touched: the law asks for the note, and the record keeps both.
    """
    with changing_case(actor, case_public_id, view_name="journal.dispute", action=CaseAction.JOURNAL) as case:
        entry = signed_entry(case, entry_public_id)
        errors: dict[str, str | ValidationError] = {**_dispute_errors(data)}
        if entry is None:
            errors[NON_FIELD_ERRORS] = ValidationError(
                _("Bara en signerad anteckning i ärendet kan bestridas."), code="dispute_signed_only"
            )
        if errors:
            raise ValidationError(errors)
        assert entry is not None
        return JournalDispute.objects.create(
            entry=entry,
            disputed_by=data.disputed_by,
            disputed_by_name=data.disputed_by_name.strip(),
            statement=data.statement.strip(),
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
