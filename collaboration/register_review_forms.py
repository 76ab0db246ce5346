"""Asking what has been disclosed about a person. Sent by POST: an identity number never lands in a URL."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaboration.register_review import RegisterQuestion
from core.identity import IdentityNumber, parse_entered_identity_number
from web.forms import DayField, DesignSystemForm


class RegisterQuestionForm(DesignSystemForm):
    identity_number = forms.CharField(
        label=_("Personnummer eller samordningsnummer"),
        max_length=20,
        help_text=_("ÅÅÅÅMMDD-NNNN. Numret skickas inte i adressen och syns inte i någon länk."),
    )
    first_day = DayField(
        label=_("Utlämnade från och med (valfritt)"),
        required=False,
        help_text=_("Lämna tomt för alla utlämnanden från det första."),
    )
    last_day = DayField(
        label=_("Utlämnade till och med (valfritt)"), required=False, help_text=_("Lämna tomt för allt till i dag.")
    )

    def clean_identity_number(self) -> IdentityNumber:
        number, _synthetic = parse_entered_identity_number(
            self.cleaned_data["identity_number"], allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED
        )
        return number

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if first and first > timezone.localdate():
            self.add_error("first_day", _("Dagen kan inte ligga i framtiden."))
        if first and last and first > last:
            self.add_error("last_day", _("Periodens slut kan inte vara före dess början."))
        return cleaned

    def question(self) -> RegisterQuestion:
        data = self.cleaned_data
        return RegisterQuestion(number=data["identity_number"], first_day=data["first_day"], last_day=data["last_day"])
