"""A page reserved to other roles answers 404 and leaves a `denied` row naming no one (audit, point 5)."""

import pytest
from django.urls import reverse

from access.models import AccessEvent
from conftest import World, signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "route"),
    [
        ("sara", "access:access_log"),
        ("sara", "access:needs_risk_analysis"),
        ("sara", "access:protected_naming"),
        ("sara", "administration:account_list"),
        ("sara", "reports:delegation_report"),
        ("lars", "deadlines:work_queue"),
        ("lars", "intake:signal_new"),
        ("anna", "access:access_log"),
    ],
)
def test_a_refused_role_page_is_logged_without_a_target(world: World, username: str, route: str) -> None:
    assert signed_in(world.user(username)).get(reverse(route)).status_code == 404
    row = AccessEvent.objects.get(username=username, action="denied")
    assert (row.person_id, row.case_id) == (None, None)
