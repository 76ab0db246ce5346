from django.urls import path

from cases.paths import CASE
from journal import views

app_name = "journal"
urlpatterns = [
    path(CASE + "journal/", views.journal, name="journal"),
    path(CASE + "journal/spara/", views.journal_save, name="journal_save"),
    path(CASE + "journal/<uuid:entry_id>/kasta/", views.journal_discard, name="journal_discard"),
    path(CASE + "journal/<uuid:entry_id>/bestrids/", views.journal_dispute, name="journal_dispute"),
]
