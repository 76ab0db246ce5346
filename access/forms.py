"""Forms of access's screens: emergency access, asking the log, naming staff for protected persons."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access import review
from access.models import AccessAction
from access.review import LogQuestion
from access.services import MIN_REASON_LENGTH
from accounts.models import User
from core.identity import IdentityNumber, parse_entered_identity_number
from people.models import Person
from web.forms import DayField, DesignSystemForm


class EmergencyAccessForm(DesignSystemForm):
    reason = forms.CharField(
        label=_("Skäl till nödåtkomst"),
        min_length=MIN_REASON_LENGTH,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Åtkomsten loggas, gäller i några timmar och granskas av chef och loggranskare."),
    )


class EmergencyByNumberForm(EmergencyAccessForm):
    """Emergency access from the search or the not-found page: the child's number, and the reason."""

    identity_number = forms.CharField(
        label=_("Barnets personnummer eller samordningsnummer"),
        max_length=20,
        help_text=_("ÅÅÅÅMMDD-NNNN. Numret skickas inte i adressen och syns inte i någon länk."),
    )
    field_order = ["identity_number", "reason"]

    def clean_identity_number(self) -> IdentityNumber:
        number, _synthetic = parse_entered_identity_number(
            self.cleaned_data["identity_number"], allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED
        )
        return number


class ProtectedAccessForm(EmergencyAccessForm):
    """The unit manager's second path into a protected child's case: the reason, and whether it needs the address."""

    shows_address = forms.BooleanField(
        label=_("Skälet kräver barnets adress och telefon"),
        required=False,
        help_text=_("Lämna tomt om du inte måste veta var barnet bor. Skälet ska då säga varför."),
    )


class EmergencyReviewForm(DesignSystemForm):
    note = forms.CharField(label=_("Granskningens resultat"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


def _thirty_days_ago() -> date:
    return timezone.localdate() - timedelta(days=30)


class LogQuestionForm(DesignSystemForm):
    """Asking the access log. Sent by POST: an identity number must never land in a URL or server log."""

    identity_number = forms.CharField(
        label=_("Personnummer"),
        required=False,
        max_length=20,
        help_text=_("Vem har sett personen? Helt personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN)."),
    )
    case_reference = forms.CharField(label=_("Diarienummer"), required=False, max_length=40)
    username = forms.CharField(label=_("Användarnamn"), required=False, max_length=150)
    first_day = DayField(label=_("Från och med"), initial=_thirty_days_ago)
    last_day = DayField(label=_("Till och med"), initial=timezone.localdate)
    action = forms.ChoiceField(label=_("Händelse"), required=False, choices=[("", _("Alla")), *AccessAction.choices])
    emergency_only = forms.BooleanField(label=_("Bara nödåtkomst"), required=False)
    destination_only = forms.BooleanField(label=_("Bara skyddad vistelseort"), required=False)
    seed = forms.IntegerField(
        label=_("Stickprovets nummer"),
        required=False,
        min_value=0,
        max_value=999_999,
        help_text=_("Lämna tomt för ett nytt stickprov. Samma nummer och urval ger samma stickprov igen."),
    )

    def clean_identity_number(self) -> IdentityNumber | None:
        raw = self.cleaned_data["identity_number"].strip()
        if not raw:
            return None
        number, _synthetic = parse_entered_identity_number(raw, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED)
        return number

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if first and last and first > last:
            self.add_error("last_day", _("Periodens slut kan inte vara före dess början."))
        return cleaned

    @staticmethod
    def default_question() -> LogQuestion:
        return LogQuestion(first_day=_thirty_days_ago(), last_day=timezone.localdate())

    def question(self) -> LogQuestion:
        data = self.cleaned_data
        number = data["identity_number"]
        return LogQuestion(
            first_day=data["first_day"],
            last_day=data["last_day"],
            person_ids=review.persons_with_number(number) if number else None,
            case_ids=review.cases_with_reference(data["case_reference"]) if data["case_reference"].strip() else None,
            username=data["username"].strip(),
            action=data["action"],
            emergency_only=data["emergency_only"],
            destination_only=data["destination_only"],
        )


class NamingForm(DesignSystemForm):
    """Shown on the page: the protected persons the manager may see, and the unit's staff."""

    person = forms.ChoiceField(label=_("Skyddad person"))
    staff = forms.ChoiceField(label=_("Medarbetare"))

    def __init__(self, *, persons: list[Person], staff: list[User]) -> None:
        super().__init__()
        choose = [("", _("Välj"))]
        options = {
            "person": [(str(p.public_id), str(p)) for p in persons],
            "staff": [(str(u.pk), _staff_label(u)) for u in staff],
        }
        for name, choices in options.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [*choose, *choices]


class NamingInputForm(forms.Form):
    """What a naming POST carries; whether the person and staff member are in reach is the service's to say."""

    person = forms.UUIDField()
    staff = forms.IntegerField(min_value=1)


def _staff_label(user: User) -> str:
    place = user.team.name if user.team is not None else user.get_role_display()
    return f"{user} ({place})"


class MemberForm(DesignSystemForm):
    """The unit manager names someone of another team to work in a case."""

    user_id = forms.TypedChoiceField(label=_("Vem"), coerce=int)
    reason = forms.CharField(
        label=_("Varför personen behöver arbeta i ärendet"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel: avhopparspecialist i barnets deltagande i avhopparprogrammet."),
    )
    expires_on = DayField(label=_("Till och med"), help_text=_("Högst ett år. Förläng genom att utse på nytt."))

    def __init__(self, *args: Any, staff: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user_id"].choices = [  # type: ignore[attr-defined]
            ("", _("Välj")),
            *((u.pk, f"{u.get_full_name() or u.username} ({u.get_role_display()}, {u.team.name})") for u in staff),
        ]


class DestinationNamingForm(DesignSystemForm):
    """The unit manager names someone working in the case to know where the child is protected."""

    user_id = forms.TypedChoiceField(label=_("Vem"), coerce=int)
    reason = forms.CharField(
        label=_("Varför personen måste veta var barnet är skyddat"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel: ansvarig handläggare för omflyttningen och överlämningen."),
    )

    def __init__(self, *args: Any, staff: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user_id"].choices = [  # type: ignore[attr-defined]
            ("", _("Välj")),
            *((u.pk, f"{u.get_full_name() or u.username} ({u.get_role_display()}, {u.team.name})") for u in staff),
        ]
