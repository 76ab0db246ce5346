"""The outreach screens: field contacts and the public safe way in."""

from django.urls import URLPattern, URLResolver

app_name = "outreach"
urlpatterns: list[URLPattern | URLResolver] = []
