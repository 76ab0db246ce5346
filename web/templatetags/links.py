from django import template

from web.http import case_url

register = template.Library()


@register.filter
def case_href(public_id: object) -> str:
    """The case page's address, as `{% url 'casefile:case_detail' %}` gives it, without reversing per row."""
    return case_url(public_id)
