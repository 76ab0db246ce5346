"""The demo's safe way in: the account the public contact page registers its requests with, and an on-call
team (socialjouren) with one worker, told of a request that comes in out of office hours.

Made after the casework, so that no case is dealt to the on-call team and the rest of the demo stays as
it was seeded before.
"""

from django.conf import settings

from accounts.models import Role, Team, Unit, User

UNIT = "Barn och unga Norr"
ON_CALL_TEAM = "Socialjouren"
# username, first name, last name: the on-call worker signs in like the other demo accounts.
ON_CALL_WORKER = ("jour", "Jonas", "Jour")


def seed_public_contact(password: str) -> None:
    unit = Unit.objects.get(name=UNIT)
    team, _ = Team.objects.get_or_create(unit=unit, name=ON_CALL_TEAM, defaults={"is_on_call": True})
    username, first, last = ON_CALL_WORKER
    worker = User(
        username=username,
        first_name=first,
        last_name=last,
        role=Role.CASEWORKER,
        unit=unit,
        team=team,
        is_demo_account=True,
    )
    worker.set_password(password)
    worker.save()
    # The page's own account: of the unit whose mottagning receives, and never signed in (inactive, with
    # no usable password), so that it sees nothing even where its role would.
    receiver = User(
        username=settings.UTVAG_PUBLIC_CONTACT_ACCOUNT,
        first_name="Kontakt",
        last_name="via webben",
        role=Role.OUTREACH,
        unit=unit,
        team=Team.objects.get(unit=unit, is_intake=True),
        is_active=False,
    )
    receiver.set_unusable_password()
    receiver.save()
