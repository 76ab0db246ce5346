from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports across the stages for managers and the committee. Nothing imports this app."""

    name = "reports"
    verbose_name = _("Rapporter")
