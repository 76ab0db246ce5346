"""Documents print as PDF/UA from our own files only; anything touching a protected person waits for a
second person's check; printing is logged."""

import re
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from weasyprint.urls import FatalURLFetchingError

from access.actor import Actor
from access.models import AccessEvent
from conftest import World
from documents.models import DocumentRequest
from documents.pdf import BASE_URL, render_pdf, static_only_fetcher
from documents.selectors import document_pdf
from documents.services import document_confirm, document_request
from investigations.services import investigation_open

pytestmark = pytest.mark.django_db


def _inflated(pdf: bytes) -> bytes:
    """Every compressed stream of the PDF, decompressed, one after the other."""
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return b"".join(out)


def _investigation_document(world: World, case_name: str = "own_case") -> DocumentRequest:
    case = getattr(world, case_name)
    hanna = Actor.system(world.user("hanna"))
    investigation = investigation_open(actor=hanna, case=case, question="Skydd", opened_on=timezone.localdate())
    return document_request(
        actor=hanna, case_public_id=case.public_id, kind="investigation", subject_public_id=investigation.public_id
    )


def test_a_document_is_a_tagged_pdf_ua_and_its_printing_is_logged(world: World) -> None:
    request = _investigation_document(world)
    assert not request.needs_confirmation  # the guardian's phone is no protected datum
    name, pdf = document_pdf(Actor.system(world.user("olle")), world.own_case.public_id, request.public_id)
    inflated = pdf + _inflated(pdf)  # the catalogue may sit in a compressed object stream
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in inflated and b"/Lang" in inflated
    assert b"pdfuaid:part" in inflated  # the XMP metadata declares PDF/UA
    assert name == f"{world.own_case.reference}-utredning.pdf"
    assert AccessEvent.objects.filter(action="print", view_name="document.pdf", username="olle").count() == 1


def test_a_document_about_a_protected_child_waits_for_a_second_persons_check(world: World) -> None:
    request = _investigation_document(world, "protected_case")
    assert request.needs_confirmation
    hanna, karin = Actor.system(world.user("hanna")), Actor.system(world.user("karin"))
    case_id = world.protected_case.public_id
    with pytest.raises(ValidationError) as refused:
        document_pdf(hanna, case_id, request.public_id)
    assert refused.value.code == "confirmation_needed"
    log = list(AccessEvent.objects.filter(view_name="document.pdf").order_by("pk").values_list("action", "reason"))
    assert log == [("print", ""), ("refused", "confirmation_needed")]
    with pytest.raises(ValidationError) as same:
        document_confirm(actor=hanna, case_public_id=case_id, request_public_id=request.public_id, checked=True)
    assert same.value.code == "same_person"
    with pytest.raises(ValidationError):
        document_confirm(actor=karin, case_public_id=case_id, request_public_id=request.public_id, checked=False)
    document_confirm(actor=karin, case_public_id=case_id, request_public_id=request.public_id, checked=True)
    assert document_pdf(hanna, case_id, request.public_id)[1].startswith(b"%PDF")


def test_staff_not_named_for_the_protected_child_cannot_check_or_print(world: World) -> None:
    request = _investigation_document(world, "protected_case")
    olle = Actor.system(world.user("olle"))
    with pytest.raises(Http404):
        document_confirm(
            actor=olle, case_public_id=world.protected_case.public_id, request_public_id=request.public_id, checked=True
        )
    with pytest.raises(Http404):
        document_pdf(olle, world.protected_case.public_id, request.public_id)


def test_a_relative_with_protected_identity_makes_the_childs_documents_need_a_check(world: World) -> None:
    world.guardian.protection_level = "sekretessmarkering"
    world.guardian.save(update_fields=["protection_level"])
    assert _investigation_document(world).needs_confirmation


def test_the_pdf_reads_only_our_static_files() -> None:
    fetcher = static_only_fetcher()()
    assert fetcher.fetch(BASE_URL + "vendor/inter/inter.css").read()
    for url in ("file:///etc/passwd", "http://169.254.169.254/latest/", BASE_URL + "../settings.py", "data:,x"):
        with pytest.raises(FatalURLFetchingError):
            fetcher.fetch(url)
    with pytest.raises(FatalURLFetchingError):
        render_pdf('<html lang="sv"><title>x</title><img src="file:///etc/passwd" alt=""></html>')
