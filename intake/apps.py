from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = _("Aktualisering och förhandsbedömning")

    def ready(self) -> None:
        from investigations.events import investigation_opened

        investigation_opened.connect(_signals_join, dispatch_uid="intake.signals_join_investigation")


def _signals_join(sender: object, **kwargs: Any) -> None:
    from intake.services import signals_join_investigation

    signals_join_investigation(case=kwargs["case"], investigation=kwargs["investigation"])
