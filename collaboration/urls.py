"""The collaboration screens: the disclosure register, the consent ledger, incoming information and transfers."""

from django.urls import URLPattern, URLResolver, path

from cases.paths import CASE
from collaboration import views

DISCLOSURES = CASE + "utlamnanden/"
CONSENTS = CASE + "samtycken/"
INCOMING = CASE + "inkommande/"

app_name = "collaboration"
urlpatterns: list[URLPattern | URLResolver] = [
    path(DISCLOSURES, views.disclosures_view, name="disclosures"),
    path(DISCLOSURES + "ny/", views.disclosure_new, name="disclosure_new"),
    path(DISCLOSURES + "<uuid:disclosure_id>/rattelse/", views.disclosure_correct, name="disclosure_correct"),
    path(CONSENTS, views.consents_view, name="consents"),
    path(CONSENTS + "ny/", views.consent_new, name="consent_new"),
    path(CONSENTS + "<uuid:consent_id>/aterkalla/", views.consent_withdraw, name="consent_withdraw"),
    path(INCOMING, views.incoming_view, name="incoming"),
    path(INCOMING + "ny/", views.incoming_new, name="incoming_new"),
    path(CASE + "overlamnande/ny/", views.transfer_new, name="transfer_new"),
    path("samverkan/uppgifter-om-barn/", views.incoming_child, name="incoming_child"),
]
