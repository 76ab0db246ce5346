from django.urls import path

from casefile import views
from cases.paths import CASE

app_name = "casefile"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("personer/sok/", views.person_search, name="person_search"),
    path("personer/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path(CASE, views.case_detail, name="case_detail"),
    path(CASE + "tidslinje/", views.case_timeline, name="case_timeline"),
    path(CASE + "avsluta/", views.close, name="case_close"),
    path(CASE + "oppna-igen/", views.reopen, name="case_reopen"),
]
