from django.urls import path

from cases.paths import CASE, SIGNAL
from intake import views

app_name = "intake"
urlpatterns = [
    path("aktualiseringar/ny/", views.signal_new, name="signal_new"),
    path(CASE + "frihetsberovanden/ny/", views.detention_new, name="detention_new"),
    path(CASE + "frihetsberovanden/<uuid:detention_id>/upphorde/", views.detention_end, name="detention_end"),
    path(SIGNAL + "skyddsbedomning/", views.protection_assessment, name="protection_assessment"),
    path(SIGNAL + "forhandsbedomning/", views.preliminary_assessment, name="preliminary_assessment"),
    path(SIGNAL + "forlang/", views.preliminary_extend, name="preliminary_extend"),
    path(SIGNAL + "aterkoppling-olamplig/", views.feedback_withhold, name="feedback_withhold"),
    path(SIGNAL + "<slug:action>/", views.signal_action, name="signal_action"),
]
