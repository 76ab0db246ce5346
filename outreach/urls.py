"""The outreach screens: field contacts and the public safe way in."""

from django.urls import URLPattern, URLResolver, path

from outreach import public_views

app_name = "outreach"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kontakt/", public_views.public_contact, name="public_contact"),
]
