from django.urls import path

from cases.paths import CASE
from documents import views

app_name = "documents"
document = CASE + "dokument/<uuid:request_id>/"
urlpatterns = [
    path(CASE + "dokument/", views.document_new, name="document_new"),
    path(document, views.document, name="document"),
    path(document + "kontroll/", views.document_check, name="document_check"),
    path(document + "pdf/", views.document_download, name="document_pdf"),
]
