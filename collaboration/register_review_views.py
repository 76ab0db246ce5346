"""The data protection officer's and unit manager's page: what has been disclosed about a person, and the
same as a register extract in PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access import rules
from access.actor import Actor
from access.reads import refuse
from collaboration.register_review import RegisterAnswer, disclosures_about
from collaboration.register_review_forms import RegisterQuestionForm
from documents.pdf import PrintingUnavailable, render_pdf
from web.http import StaffRequest

PDF = "registerutdrag"


@require_http_methods(["GET", "POST"])
@login_required
def register_review(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    if not rules.may_review_logs(request.user):
        refuse(actor, view_name="collaboration.register_review")
    form = RegisterQuestionForm(request.POST or None)
    answer = None
    if request.method == "POST" and form.is_valid():
        printed = PDF in request.POST
        answer = disclosures_about(actor, form.question(), printed=printed)
        if printed:
            try:
                return _extract(answer)
            except PrintingUnavailable:
                messages.error(
                    request, _("Utskrift fungerar inte på den här servern just nu. Kontakta systemförvaltningen.")
                )
    return render(request, "collaboration/register_review.html", {"form": form, "answer": answer})


def _extract(answer: RegisterAnswer) -> HttpResponse:
    today = timezone.localdate()
    html = render_to_string("collaboration/register_extract_pdf.html", {"answer": answer, "today": today})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="utlamnanden-{today.isoformat()}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
