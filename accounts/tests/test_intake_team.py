"""Each unit has one mottagning, named by an operator."""

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from accounts.models import Team
from conftest import World

pytestmark = pytest.mark.django_db


def test_naming_a_mottagning_replaces_the_units_previous_one(world: World) -> None:
    field = Team.objects.create(unit=world.norr, name="Fält Norr")
    call_command("set_intake_team", "Norr/Fält Norr")
    assert list(Team.objects.filter(unit=world.norr, is_intake=True)) == [field]
    assert Team.objects.get(pk=world.team_soder.pk).is_intake  # another unit's is left alone


def test_an_unknown_team_is_refused(world: World) -> None:
    with pytest.raises(CommandError):
        call_command("set_intake_team", "Norr/Finns inte")


def test_the_database_refuses_two_mottagningar_in_one_unit(world: World) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Team.objects.create(unit=world.norr, name="Andra", is_intake=True)


def test_the_migration_makes_a_single_team_its_units_mottagning_and_leaves_larger_units_to_the_operator() -> None:
    """The data step of accounts 0005, run against today's models (the same fields it reads and writes)."""
    from importlib import import_module

    from django.apps import apps

    from accounts.models import Unit

    migration = import_module("accounts.migrations.0005_team_is_intake")
    small, large = Unit.objects.create(name="Liten"), Unit.objects.create(name="Stor")
    Team.objects.create(unit=small, name="Ensam")
    for name in ("Utredning", "Öppenvård"):
        Team.objects.create(unit=large, name=name)
    migration.single_teams_take_intake(apps, None)
    assert set(Team.objects.filter(is_intake=True).values_list("unit__name", "name")) == {("Liten", "Ensam")}
