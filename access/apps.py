from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Behörighet och åtkomstlogg")

    def ready(self) -> None:
        from access import lookups  # noqa: F401 -- registers the `in_array` lookup
