from django.urls import path

from reports import views
from reports.exports import views as exports

app_name = "reports"
urlpatterns = [
    path("delegationsbeslut/", views.delegation_report, name="delegation_report"),
    path("behovsanalys/", views.needs_analysis, name="needs_analysis"),
    path("utfall/", views.outcomes_report, name="outcomes_report"),
    path("delegationsbeslut/export/", exports.delegation_export, name="delegation_export"),
    path("logg/export/", exports.access_log_export, name="access_log_export"),
    path("exporter/", exports.export_list, name="export_list"),
    path("exporter/<uuid:public_id>/", exports.export_detail, name="export_detail"),
    path("exporter/<uuid:public_id>/lage/", exports.export_progress, name="export_progress"),
    path("exporter/<uuid:public_id>/hamta/", exports.export_download, name="export_download"),
]
