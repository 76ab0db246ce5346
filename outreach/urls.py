"""The outreach screens: contacts in the field, a child who wants help, the unit's figures, and the public
safe way in."""

from django.urls import URLPattern, URLResolver, path

from outreach import public_views, views

app_name = "outreach"
urlpatterns: list[URLPattern | URLResolver] = [
    path("falt/", views.field, name="field"),
    path("falt/barn/", views.child, name="child"),
    path("falt/rapport/", views.report, name="report"),
    path("falt/omraden/", views.areas, name="areas"),
    path("falt/omraden/<int:area_id>/", views.area_change, name="area_change"),
    path("kontakt/", public_views.public_contact, name="public_contact"),
]
