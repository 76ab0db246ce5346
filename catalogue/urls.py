from django.urls import path

from catalogue import views

app_name = "catalogue"
SERVICE = "insatser/<slug:key>/"
urlpatterns = [
    path("insatser/", views.catalogue, name="catalogue"),
    path("insatser/ny/", views.service_new, name="service_new"),
    path(SERVICE, views.service, name="service"),
    path(SERVICE + "andra/", views.service_edit, name="service_edit"),
    path(SERVICE + "antal/", views.count_new, name="count_new"),
    path(SERVICE + "antal/<int:count_id>/ratta/", views.count_fix, name="count_fix"),
]
