"""The collaboration screens: meetings, the disclosure register and the consent ledger."""

from django.urls import URLPattern, URLResolver, path

from cases.paths import CASE
from collaboration import views

DISCLOSURES = CASE + "utlamnanden/"
CONSENTS = CASE + "samtycken/"

app_name = "collaboration"
urlpatterns: list[URLPattern | URLResolver] = [
    path(DISCLOSURES, views.disclosures_view, name="disclosures"),
    path(DISCLOSURES + "ny/", views.disclosure_new, name="disclosure_new"),
    path(DISCLOSURES + "<uuid:disclosure_id>/rattelse/", views.disclosure_correct, name="disclosure_correct"),
    path(CONSENTS, views.consents_view, name="consents"),
    path(CONSENTS + "ny/", views.consent_new, name="consent_new"),
    path(CONSENTS + "<uuid:consent_id>/aterkalla/", views.consent_withdraw, name="consent_withdraw"),
]
