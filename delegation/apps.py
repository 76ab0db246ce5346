from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationConfig(AppConfig):
    """The committee's delegation order: which decisions may be taken under which item, by whom."""

    name = "delegation"
    verbose_name = _("Delegationsordning")
