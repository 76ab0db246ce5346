from datetime import date

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def ds_widget(field: BoundField) -> SafeString:
    """Render a form field's widget with the Designsystemet input class (Django adds the aria attributes)."""
    css = "ds-input" if field.widget_type not in ("checkbox", "radio") else ""
    return field.as_widget(attrs={"class": css} if css else None)


@register.filter
def age(birth: date | None, today: date) -> int | None:
    """Whole years on `today` (a child born on 29 February has a birthday on 1 March in other years)."""
    if birth is None:
        return None
    had_birthday = (today.month, today.day) >= (birth.month, birth.day)
    return today.year - birth.year - (0 if had_birthday else 1)
