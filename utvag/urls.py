from django.urls import include, path

from administration.views import email_management, password_reset

# Each app owns its screens and its URLs; the project only mounts them.
SCREENS = ["casefile", "access", "deadlines", "intake", "investigations", "decisions", "journal", "documents"]
SCREENS += ["programme", "protection", "collaboration", "outreach", "assessments", "catalogue", "reports"]
SCREENS += ["administration"]

urlpatterns = [
    # Before allauth's own: Utväg sends no mail, so a forgotten password is an administrator's to reset.
    path("accounts/password/reset/", password_reset, name="account_reset_password"),
    path("accounts/email/", email_management, name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("api.urls")),
    *(path("", include(f"{app}.urls")) for app in SCREENS),
]
