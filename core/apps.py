from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core import checks  # noqa: F401 -- registers the checks
        from core.choices import install_choice_labels

        install_choice_labels()
