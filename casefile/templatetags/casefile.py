from django import template

from deadlines.models import DeadlineKind

register = template.Library()


@register.filter
def deadline_kind(code: str | None) -> str:
    """The name of a kind of clock, from its stored code (as annotated on "Mitt arbete")."""
    return str(DeadlineKind(code).label) if code in DeadlineKind.values else ""
