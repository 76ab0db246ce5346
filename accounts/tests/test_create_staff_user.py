import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from conftest import World


def test_it_creates_a_case_worker_in_a_team(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    call_command(
        "create_staff_user",
        "nisse",
        "--role",
        "caseworker",
        "--first-name",
        "Nils",
        "--last-name",
        "Ek",
        "--team",
        "Norr/Norr A",
    )
    user = User.objects.get(username="nisse")
    assert (user.role, user.team, user.unit) == (Role.CASEWORKER, world.team_a, world.norr)
    password = capsys.readouterr().out.split("one-time password: ")[1].split()[0]
    assert user.check_password(password)
    assert not user.is_demo_account


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--role", "caseworker"], "team"),
        (["--role", "unit_manager"], "unit"),
        (["--role", "caseworker", "--team", "Nowhere/None"], "no team"),
        (["--role", "sysadmin", "--unit", "Nowhere"], "no unit"),
    ],
)
def test_it_refuses_incomplete_accounts(world: World, extra: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("create_staff_user", "nisse", "--first-name", "Nils", "--last-name", "Ek", *extra)
    assert not User.objects.filter(username="nisse").exists()
