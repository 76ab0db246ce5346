from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    """The system administrators' screens for staff accounts, over accounts' services."""

    name = "administration"
    verbose_name = _("Administration")
