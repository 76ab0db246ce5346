from django.urls import path

from access import destination_naming_views, membership_views, views
from cases.paths import CASE

app_name = "access"
urlpatterns = [
    path(CASE + "nodatkomst/", views.emergency_access, name="emergency_access"),
    path("nodatkomst/", views.emergency_access_by_number, name="emergency_access_by_number"),
    path(CASE + "skyddad-atkomst/", views.protected_access, name="protected_access"),
    path(CASE + "personal/", membership_views.case_members, name="case_members"),
    path(CASE + "personal/<int:member_id>/avsluta/", membership_views.case_member_end, name="case_member_end"),
    path(CASE + "vistelseort/namngivna/", destination_naming_views.destination_naming, name="destination_naming"),
    path(
        CASE + "vistelseort/namngivna/<int:naming_id>/avsluta/",
        destination_naming_views.destination_naming_end,
        name="destination_naming_end",
    ),
    path("logg/", views.access_log, name="access_log"),
    path("logg/nodatkomst/<int:grant_id>/granska/", views.emergency_review, name="emergency_review"),
    path("behorighet/analys/", views.needs_risk_analysis, name="needs_risk_analysis"),
    path("behorighet/skyddade/", views.protected_naming, name="protected_naming"),
    path("behorighet/skyddade/namnge/", views.protected_naming_grant, name="protected_naming_grant"),
    path(
        "behorighet/skyddade/<int:authorization_id>/aterkalla/",
        views.protected_naming_withdraw,
        name="protected_naming_withdraw",
    ),
]
