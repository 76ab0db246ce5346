from django.urls import include, path

# Each app owns its screens and its URLs; the project only mounts them.
SCREENS = ["casefile", "access", "deadlines", "intake", "investigations", "decisions", "journal", "documents"]
SCREENS += ["reports", "administration"]

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("api.urls")),
    *(path("", include(f"{app}.urls")) for app in SCREENS),
]
