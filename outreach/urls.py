"""The outreach screens: contacts in the field, a child who wants help, and the unit's figures."""

from django.urls import URLPattern, URLResolver, path

from outreach import views

app_name = "outreach"
urlpatterns: list[URLPattern | URLResolver] = [
    path("falt/", views.field, name="field"),
    path("falt/barn/", views.child, name="child"),
    path("falt/rapport/", views.report, name="report"),
]
