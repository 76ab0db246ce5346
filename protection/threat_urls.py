"""The threat picture's routes: the case's protection page (which the other parts add to) and a new picture."""

from django.urls import URLPattern, path

from cases.paths import CASE
from protection import views

urlpatterns: list[URLPattern] = [
    path(CASE + "skydd/", views.protection_view, name="page"),
    path(CASE + "skydd/hotbild/ny/", views.threat_new, name="threat_new"),
]
