from django.urls import path

from web import views

app_name = "web"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("personer/sok/", views.person_search, name="person_search"),
    path("personer/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("arenden/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("arenden/<uuid:public_id>/nodatkomst/", views.emergency_access, name="emergency_access"),
    path("logg/", views.access_log, name="access_log"),
    path("logg/nodatkomst/<int:grant_id>/granska/", views.emergency_review, name="emergency_review"),
    path("behorighet/analys/", views.needs_risk_analysis, name="needs_risk_analysis"),
]
