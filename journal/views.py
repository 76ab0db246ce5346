"""The case journal: read every signed entry; write with autosave; sign; correct by a new entry."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from journal.forms import JournalDisputeForm, JournalDraftForm
from journal.selectors import JournalView, case_journal
from journal.services import (
    DisputeInput,
    journal_dispute_record,
    journal_draft_discard,
    journal_draft_save,
    signed_entry,
)
from web.http import StaffRequest, form_page, show_errors
from web.paging import page_number


def _editing(view: JournalView, request: StaffRequest) -> JournalDraftForm:
    """The editor: a draft to continue (?utkast=), a correction to start (?rattar=), or a new entry."""
    draft_id = request.GET.get("utkast")
    draft = next((d for d in view.drafts if str(d.public_id) == draft_id), None) if draft_id else None
    if draft is None and not request.GET.get("rattar") and view.drafts:
        draft = view.drafts[-1]
    if draft is not None:
        return JournalDraftForm(
            initial={
                "body": draft.body,
                "event_date": draft.event_date,
                "entry": draft.public_id,
                "corrects": draft.corrects.public_id if draft.corrects else None,
            }
        )
    corrects = request.GET.get("rattar", "")
    signed = {str(item.entry.public_id): item.entry for item in view.items}
    return JournalDraftForm(
        initial={"event_date": timezone.localdate(), "corrects": corrects if corrects in signed else None}
    )


@require_GET
@login_required
def journal(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    read = read_case(actor, public_id, view_name="journal.page")
    case = read.case
    view = case_journal(actor, case, page_number(request, "sida"))
    form = _editing(view, request) if CaseAction.JOURNAL in read.actions else None
    correcting = None
    if form is not None and form.initial.get("corrects"):
        correcting = next(
            (i.entry for i in view.items if str(i.entry.public_id) == str(form.initial["corrects"])), None
        )
    context = {"case": case, "view": view, "form": form, "correcting": correcting}
    return render(request, "journal/page.html", context)


@require_POST
@login_required
def journal_save(request: StaffRequest, public_id: UUID) -> HttpResponse:
    """Autosave (htmx, answers with a status line) or the buttons "Spara utkast" and "Signera"."""
    form = JournalDraftForm(request.POST)
    actor = Actor.from_request(request)
    status = ""
    entry = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = journal_draft_save(
                actor=actor,
                case_public_id=public_id,
                body=data["body"],
                event_date=data["event_date"],
                entry_public_id=data["entry"],
                corrects_public_id=data["corrects"],
                sign=bool(request.POST.get("sign")),
            )
        except ValidationError as exc:
            show_errors(form, exc)
    if request.htmx and not request.POST.get("sign"):
        if entry is not None:
            status = _("Utkastet sparades %(time)s.") % {"time": timezone.localtime().strftime("%H:%M:%S")}
        context: dict[str, object] = {"entry": entry, "status": status, "errors": form.errors}
        return render(request, "journal/_autosave_status.html", context)
    if form.errors:
        # The page again with the text as typed: nothing is lost to a redirect.
        case = read_case(actor, public_id, view_name="journal.page").case
        view = case_journal(actor, case)
        page: dict[str, object] = {
            "case": case,
            "view": view,
            "form": form,
            "correcting": None,
            "unsaved": entry is None,
        }
        return render(request, "journal/page.html", page, status=422 if entry is None else 200)
    if request.POST.get("sign"):
        messages.success(request, _("Anteckningen är signerad och kan inte längre ändras."))
    else:
        messages.success(request, _("Utkastet är sparat."))
    target = f"?utkast={entry.public_id}" if entry is not None and not request.POST.get("sign") else ""
    return redirect(f"{request.path.rsplit('spara/', 1)[0]}{target}")


@require_POST
@login_required
def journal_discard(request: StaffRequest, public_id: UUID, entry_id: UUID) -> HttpResponse:
    try:
        journal_draft_discard(actor=Actor.from_request(request), case_public_id=public_id, entry_public_id=entry_id)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Utkastet är borttaget."))
    return redirect("journal:journal", public_id=public_id)


@require_http_methods(["GET", "POST"])
@login_required
def journal_dispute(request: StaffRequest, public_id: UUID, entry_id: UUID) -> HttpResponse:
    """Note that a person the entry concerns says it is wrong; the entry itself stays as signed."""
    actor = Actor.from_request(request)
    form = JournalDisputeForm(request.POST or None)

    def shown() -> dict[str, object]:
        case = read_case(actor, public_id, view_name="journal.dispute.form", for_action=CaseAction.JOURNAL).case
        entry = signed_entry(case, entry_id)
        if entry is None:
            raise Http404
        return {"case": case, "entry": entry}

    def change(data: dict[str, str]) -> object:
        dispute = DisputeInput(
            disputed_by=data["disputed_by"], disputed_by_name=data["disputed_by_name"], statement=data["statement"]
        )
        return journal_dispute_record(actor=actor, case_public_id=public_id, entry_public_id=entry_id, data=dispute)

    return form_page(
        request,
        form=form,
        change=change,
        done=_("Invändningen är antecknad bredvid journalanteckningen."),
        success_url=f"{reverse('journal:journal', args=[public_id])}#entry-{entry_id}",
        template="journal/dispute_new.html",
        context=shown,
    )
