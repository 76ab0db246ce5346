from django.urls import path

from cases.paths import CASE
from decisions import views

app_name = "decisions"
urlpatterns = [
    path(CASE + "beslut/nytt/", views.decision_new, name="decision_new"),
    path(CASE + "kommunicering/ny/", views.communication_new, name="communication_new"),
    path(CASE + "kommunicering/<uuid:communication_id>/svar/", views.communication_reply, name="communication_reply"),
    path(CASE + "beslut/<uuid:decision_id>/understallt/", views.court_referral, name="court_referral"),
    path(CASE + "beslut/<uuid:decision_id>/ratten/", views.court_ruling, name="court_ruling"),
    path(CASE + "beslut/<uuid:decision_id>/delfaende/", views.decision_delivery, name="decision_delivery"),
    path(CASE + "delfaenden/<uuid:delivery_id>/overklagandetid/", views.appeal_period, name="appeal_period"),
]
