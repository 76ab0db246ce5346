"""Protection in the JSON API: the current threat picture, the same read as the page, logged as an API read."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from access.actor import Actor
from access.models import AccessAction
from protection.schemas import ProtectionOut, ThreatenedOut, ThreatOut
from protection.selectors import Picture, protection_page
from web.api import ERRORS

router = Router(tags=["skydd"])


def _threat_out(picture: Picture) -> ThreatOut:
    a = picture.assessment
    return ThreatOut(
        id=a.public_id,
        assessed_on=a.assessed_on,
        source=a.source,
        with_police=a.with_police,
        threatened_by=a.threatened_by,
        review_on=a.review_on,
        review_passed=picture.review_passed,
        replaces=a.replaces.public_id if a.replaces else None,
        threatened=[
            ThreatenedOut(kind=row.kind, person_id=row.person.public_id if row.person else None, level=row.level)
            for row in picture.shown
        ],
        hidden_relatives=picture.hidden,
    )


@router.get("/v1/cases/{case_id}/protection", response={200: ProtectionOut, **ERRORS}, url_name="case_protection")
def case_protection(request: HttpRequest, case_id: UUID) -> ProtectionOut:
    page = protection_page(
        Actor.from_request(request), case_id, view_name="api.protection", action=AccessAction.API, with_earlier=False
    )
    return ProtectionOut(case_id=page.case.public_id, current=_threat_out(page.current) if page.current else None)
