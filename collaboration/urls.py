"""The collaboration screens: the disclosure register, the consent ledger, incoming information and transfers."""

from django.urls import URLPattern, URLResolver, path

from cases.paths import CASE
from collaboration import meeting_views, register_review_views, transfer_request_views, views

DISCLOSURES = CASE + "utlamnanden/"
CONSENTS = CASE + "samtycken/"
CASE_MEETINGS = CASE + "samverkan/moten/"
MEETINGS = "samverkan/moten/"
INCOMING = CASE + "inkommande/"
MOVES = CASE + "overflyttning/"

app_name = "collaboration"
urlpatterns: list[URLPattern | URLResolver] = [
    path(DISCLOSURES, views.disclosures_view, name="disclosures"),
    path(DISCLOSURES + "ny/", views.disclosure_new, name="disclosure_new"),
    path(DISCLOSURES + "<uuid:disclosure_id>/rattelse/", views.disclosure_correct, name="disclosure_correct"),
    path(CONSENTS, views.consents_view, name="consents"),
    path(CONSENTS + "ny/", views.consent_new, name="consent_new"),
    path(CONSENTS + "<uuid:consent_id>/aterkalla/", views.consent_withdraw, name="consent_withdraw"),
    path(MEETINGS, meeting_views.meetings_view, name="meetings"),
    path(MEETINGS + "nytt/", meeting_views.meeting_new, name="meeting_new"),
    path(MEETINGS + "<uuid:meeting_id>/", meeting_views.meeting_view, name="meeting"),
    path(CASE_MEETINGS, meeting_views.case_meetings_view, name="case_meetings"),
    path(CASE_MEETINGS + "<uuid:meeting_id>/ny/", meeting_views.meeting_item_new, name="meeting_item_new"),
    path(
        CASE_MEETINGS + "<uuid:meeting_id>/<uuid:item_id>/rattelse/",
        meeting_views.meeting_item_correct,
        name="meeting_item_correct",
    ),
    path(INCOMING, views.incoming_view, name="incoming"),
    path(INCOMING + "ny/", views.incoming_new, name="incoming_new"),
    path(INCOMING + "<uuid:incoming_id>/rattelse/", views.incoming_correct, name="incoming_correct"),
    path(CASE + "overlamnande/ny/", views.transfer_new, name="transfer_new"),
    path(MOVES, transfer_request_views.transfer_requests, name="transfer_requests"),
    path(MOVES + "ny/", transfer_request_views.transfer_request_new, name="transfer_request_new"),
    path(MOVES + "<uuid:request_id>/", transfer_request_views.transfer_request, name="transfer_request"),
    path("samverkan/uppgifter-om-barn/", views.incoming_child, name="incoming_child"),
    path("samverkan/utlamnanden/", register_review_views.register_review, name="register_review"),
]
