from django.urls import path

from cases.paths import CASE
from programme import views

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
]
