"""The collaboration screens: meetings, the disclosure register and the consent ledger."""

from django.urls import URLPattern, URLResolver

app_name = "collaboration"
urlpatterns: list[URLPattern | URLResolver] = []
