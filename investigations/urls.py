from django.urls import path

from cases.paths import CASE, INVESTIGATION
from investigations import views

app_name = "investigations"
urlpatterns = [
    path(CASE + "utredningar/ny/", views.investigation_open, name="investigation_open"),
    path(INVESTIGATION + "delaktighet/", views.investigation_participation, name="investigation_participation"),
    path(INVESTIGATION + "avsluta/", views.investigation_finish, name="investigation_complete"),
    path(INVESTIGATION + "information/", views.investigation_notice, name="investigation_notice"),
]
