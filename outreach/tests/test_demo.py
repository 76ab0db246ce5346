"""The demo's field contacts: a handful at every scale, for the field page and the manager's figures."""

from datetime import date

import pytest

from access.actor import Actor
from accounts.models import User
from demo import seeding
from outreach.models import OutreachContact
from outreach.selectors import outreach_report
from outreach.services import identifying


@pytest.mark.django_db
def test_the_demo_has_a_handful_of_anonymous_contacts_that_the_manager_reads() -> None:
    seeding.seed(scale="demo", seed_value=3, today=date(2026, 11, 23))
    contacts = list(OutreachContact.objects.all())
    assert 10 <= len(contacts) <= 50
    assert all(c.total > 0 and c.day < date(2026, 11, 23) and identifying(c.note) is None for c in contacts)
    assert {c.recorded_by.username for c in contacts} == {"falt"}
    report = outreach_report(Actor.system(User.objects.get(username="chef")))
    assert sum(cell.value for month in report.months for cell in month.totals) == sum(c.total for c in contacts)
