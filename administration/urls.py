from django.urls import path

from administration import views

app_name = "administration"
account = "admin/konton/<int:user_id>/"
urlpatterns = [
    path("admin/konton/", views.account_list, name="account_list"),
    path("admin/konton/nytt/", views.account_create, name="account_create"),
    path(account, views.account_detail, name="account_detail"),
    path(account + "inaktivera/", views.account_deactivate, name="account_deactivate"),
    path(account + "aktivera/", views.account_reactivate, name="account_reactivate"),
    path(account + "tvafaktor/aterstall/", views.account_reset_second_factor, name="account_reset_2fa"),
]
