from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasefileConfig(AppConfig):
    """The case file: what reads across the stages of a child's case (nothing below imports it)."""

    name = "casefile"
    verbose_name = _("Akten")
