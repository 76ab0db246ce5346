from django.urls import URLPattern, path

from cases.paths import CASE
from protection import destination_views as views

DESTINATION = CASE + "skydd/vistelseort/"

urlpatterns: list[URLPattern] = [
    path(DESTINATION, views.destinations_view, name="destinations"),
    path(DESTINATION + "ny/", views.destination_new, name="destination_new"),
    path(DESTINATION + "<uuid:destination_id>/avsluta/", views.destination_end, name="destination_end"),
    path(DESTINATION + "<uuid:destination_id>/omflyttning/", views.relocation_new, name="relocation_new"),
    path(DESTINATION + "omflyttning/<uuid:relocation_id>/overlamning/", views.handover_new, name="handover_new"),
    path(DESTINATION + "varning/<int:warning_id>/", views.warning_acknowledge, name="warning_acknowledge"),
    path(CASE + "skydd/konflikter/", views.conflicts_view, name="conflicts"),
    path(CASE + "skydd/konflikter/<int:conflict_id>/ta-bort/", views.conflict_withdraw, name="conflict_withdraw"),
]
