from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("delegationsbeslut/", views.delegation_report, name="delegation_report"),
    path("delegationsbeslut/csv/", views.delegation_report_csv, name="delegation_report_csv"),
]
