from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def ds_widget(field: BoundField) -> SafeString:
    """Render a form field's widget with the Designsystemet input class (Django adds the aria attributes)."""
    css = "ds-input" if field.widget_type not in ("checkbox", "radio") else ""
    return field.as_widget(attrs={"class": css} if css else None)
