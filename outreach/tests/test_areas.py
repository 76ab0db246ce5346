"""The unit manager keeps the unit's own areas: adds one (every problem at once), takes one out of use and
back, never renames or removes one; the municipality's shared areas are not theirs to change, nor another
unit's; the field worker is offered only the areas in use; who changed what is kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from access.actor import Actor
from access.models import AccessEvent
from conftest import World, signed_in
from outreach.areas import area_add, area_set_active, areas_page
from outreach.models import OutreachArea
from outreach.services import areas_for

pytestmark = pytest.mark.django_db


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def _karin(world: World) -> Actor:
    return Actor.system(world.user("karin"))


def test_the_manager_adds_an_area_the_field_then_offers_and_takes_it_out_of_use_with_its_history(
    world: World,
) -> None:
    area = area_add(actor=_karin(world), name="  Kvarntorget   ")
    assert (area.name, area.unit_id, area.active) == ("Kvarntorget", world.norr.pk, True)
    assert area in areas_for(world.norr) and area not in areas_for(world.team_soder.unit)
    area_set_active(actor=_karin(world), area_id=area.pk, active=False)
    assert area not in areas_for(world.norr)
    assert area in areas_page(_karin(world)).own  # still listed, out of use
    area_set_active(actor=_karin(world), area_id=area.pk, active=True)
    assert area in areas_for(world.norr)
    assert [h.active for h in area.history.order_by("history_date")] == [True, False, True]


def test_a_name_is_required_not_too_long_and_not_taken_by_the_unit_or_the_municipality(world: World) -> None:
    shared = OutreachArea.objects.filter(unit__isnull=True).first()
    assert shared is not None, "the municipality's areas are migrated (outreach 0002)"
    for name, code in (("", "required"), ("x" * 101, "max_length"), (shared.name.upper(), "taken")):
        with pytest.raises(ValidationError) as refused:
            area_add(actor=_karin(world), name=name)
        assert _codes(refused.value) == {"name": [code]}
    area_add(actor=_karin(world), name="Parken")
    with pytest.raises(ValidationError):
        area_add(actor=_karin(world), name="parken")
    assert OutreachArea.objects.filter(unit=world.norr).count() == 1


def test_shared_and_other_units_areas_are_not_the_managers_to_change(world: World) -> None:
    shared = OutreachArea.objects.filter(unit__isnull=True).first()
    assert shared is not None
    theirs = OutreachArea.objects.create(name="Söderparken", unit=world.team_soder.unit)
    for area in (shared, theirs):
        with pytest.raises(ValidationError) as refused:
            area_set_active(actor=_karin(world), area_id=area.pk, active=False)
        assert _codes(refused.value) == {"area": ["not_own"]}
        area.refresh_from_db()
        assert area.active


@pytest.mark.parametrize("user", ["hanna", "fia", "lars", "anna"])
def test_everyone_but_the_unit_manager_is_refused_like_a_missing_page_and_logged(world: World, user: str) -> None:
    area = OutreachArea.objects.create(name="Testparken", unit=world.norr)
    client = signed_in(world.user(user))
    assert client.get(reverse("outreach:areas")).status_code == 404
    assert client.post(reverse("outreach:areas"), {"name": "Nytt"}).status_code == 404
    assert client.post(reverse("outreach:area_change", args=[area.pk]), {"i_bruk": "0"}).status_code == 404
    area.refresh_from_db()
    assert area.active and not OutreachArea.objects.filter(name="Nytt").exists()
    assert AccessEvent.objects.filter(action="denied").count() == 3


def test_the_screen_adds_refuses_and_takes_out_of_use(world: World) -> None:
    client = signed_in(world.user("karin"))
    url = reverse("outreach:areas")
    refused = client.post(url, {"name": ""})
    assert refused.status_code == 200 and 'href="#id_name"' in refused.content.decode()
    assert client.post(url, {"name": "Stationen"}).status_code == 302
    area = OutreachArea.objects.get(name="Stationen")
    assert client.post(reverse("outreach:area_change", args=[area.pk]), {"i_bruk": "0"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Stationen · <strong>ur bruk</strong>" in page and "Använd igen" in page
