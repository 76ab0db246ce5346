from django.urls import path

from assessments import views
from cases.paths import CASE

ASSESSMENTS = CASE + "bedomningar/"

app_name = "assessments"
urlpatterns = [
    path(ASSESSMENTS, views.assessment_list, name="assessment_list"),
    path(ASSESSMENTS + "ny/", views.assessment_new, name="assessment_new"),
    path(ASSESSMENTS + "<uuid:assessment_id>/", views.assessment, name="assessment"),
]
