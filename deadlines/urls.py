from django.urls import path

from deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("arbetsko/", views.work_queue, name="work_queue"),
    path("arbetsko/lasta/", views.notices_read, name="notices_read"),
]
