from django.urls import path

from cases.paths import CASE
from programme import connection_views, views

PARTICIPATION = CASE + "program/<uuid:participation_id>/"

app_name = "programme"
urlpatterns = [
    path(CASE + "program/ny/", views.participation_new, name="participation_new"),
    path(PARTICIPATION, views.participation, name="participation"),
    path(PARTICIPATION + "fas/", views.phase_new, name="phase_new"),
    path(PARTICIPATION + "avsluta/", views.participation_end, name="participation_end"),
    path(PARTICIPATION + "avhopparstatus/", views.defector_assessment, name="defector_assessment"),
    path(PARTICIPATION + "polisens-kriterier/", views.police_criteria, name="police_criteria"),
    path(PARTICIPATION + "motivation/", views.motivation_new, name="motivation_new"),
    path(PARTICIPATION + "kopplingar/ny/", connection_views.connection_new, name="connection_new"),
    path(
        PARTICIPATION + "kopplingar/<int:connection_id>/ta-bort/",
        connection_views.connection_withdraw,
        name="connection_withdraw",
    ),
    path(
        PARTICIPATION + "kopplingar/<int:connection_id>/handelse/",
        connection_views.network_event_new,
        name="network_event_new",
    ),
    path(PARTICIPATION + "fonster/<int:window_id>/", connection_views.window_act, name="window_act"),
]
