from django.urls import path

from cases.paths import CASE
from programme import care_plan_views, connection_views, outcome_field_views, outcome_views, plan_views, views

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
    path(PARTICIPATION + "plan/", plan_views.plan_view, name="plan"),
    path(PARTICIPATION + "plan/ny/", plan_views.plan_item_new, name="plan_item_new"),
    path(PARTICIPATION + "plan/uppfoljning/", plan_views.follow_up_new, name="follow_up_new"),
    path(
        PARTICIPATION + "plan/samtycken/<int:consent_id>/aterkalla/",
        plan_views.consent_withdraw,
        name="consent_withdraw",
    ),
    path(PARTICIPATION + "plan/pdf/", plan_views.plan_download, name="plan_pdf"),
    path(PARTICIPATION + "vardplan/", care_plan_views.care_plan_view, name="care_plan"),
    path(PARTICIPATION + "vardplan/ny/", care_plan_views.care_plan_new, name="care_plan_new"),
    path(PARTICIPATION + "utfall/", outcome_views.outcomes_view, name="outcomes"),
    path(PARTICIPATION + "utfall/ny/", outcome_views.outcome_new, name="outcome_new"),
    path(PARTICIPATION + "utfall/<uuid:outcome_id>/", outcome_views.outcome_view, name="outcome"),
    path("utfallsfragor/", outcome_field_views.outcome_field_list, name="outcome_fields"),
    path("utfallsfragor/ny/", outcome_field_views.outcome_field_new, name="outcome_field_new"),
    path(
        "utfallsfragor/<slug:key>/avveckla/",
        outcome_field_views.outcome_field_retire_view,
        name="outcome_field_retire",
    ),
]
