"""Routes of the protective measures (inside a case) and of the provider register (outside any case)."""

from django.urls import path

from cases.paths import CASE
from protection import measure_views as views
from protection import provider_views

SKYDD = CASE + "skydd/"
SHELTER = SKYDD + "skyddat-boende/<uuid:shelter_id>/"
SECRET = SKYDD + "hemlig-vistelseort/<uuid:secret_id>/"
PROVIDER = "utforare/<uuid:public_id>/"

urlpatterns = [
    path(SKYDD + "polisens-placering/ny/", views.police_new, name="police_new"),
    path(SKYDD + "skyddat-boende/nytt/", views.shelter_new, name="shelter_new"),
    path(SHELTER + "understallt/", views.shelter_referral, name="shelter_referral"),
    path(SHELTER + "faststallt/", views.shelter_confirmation, name="shelter_confirmation"),
    path(SHELTER + "overvagande/", views.shelter_review, name="shelter_review"),
    path(SHELTER + "avsluta/", views.shelter_end, name="shelter_end"),
    path(SKYDD + "hemlig-vistelseort/ny/", views.secret_new, name="secret_new"),
    path(SECRET + "overvagande/", views.secret_review, name="secret_review"),
    path(SECRET + "upphor/", views.secret_end, name="secret_end"),
    path(SECRET + "folkbokforing/", views.registration_new, name="registration_new"),
    path(
        SKYDD + "folkbokforing/<uuid:registration_id>/utfall/", views.registration_outcome, name="registration_outcome"
    ),
    path("utforare/", provider_views.provider_list, name="providers"),
    path("utforare/ny/", provider_views.provider_new, name="provider_new"),
    path(PROVIDER, provider_views.provider, name="provider"),
    path(PROVIDER + "andra/", provider_views.provider_edit, name="provider_edit"),
    path(PROVIDER + "uppfoljning/", provider_views.provider_follow_up, name="provider_follow_up"),
]
