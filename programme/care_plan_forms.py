from django import forms
from django.utils.translation import gettext_lazy as _

from programme.care_plan_models import CareGround, CareSetting
from web.forms import DayField, DesignSystemForm, text_field


class CarePlanForm(DesignSystemForm):
    """The vårdplan's parts in the order SoF (2025:468) 10 kap. 2 § names them. The parts are checked by the
    service, so that one send shows every missing part, and whether special reasons cover it, at once."""

    ground = forms.ChoiceField(label=_("Grund"), choices=CareGround.choices, widget=forms.RadioSelect)
    setting = forms.ChoiceField(label=_("Var vården ges"), choices=CareSetting.choices, widget=forms.RadioSelect)
    made_on = DayField(label=_("Upprättad"))
    placed_on = DayField(
        label=_("Placerad sedan"),
        required=False,
        help_text=_("Lämna tomt om barnet ännu inte är placerat. Den första revideringen ska ske inom två år."),
    )
    insatser = text_field(_("De särskilda insatser som behövs"), required=False, rows=4)
    contact = text_field(
        _("Hur umgänget med föräldrar, vårdnadshavare, syskon och andra närstående ska ordnas"),
        required=False,
        rows=4,
        help_text=_("Skriv inga adresser: umgängets plats står i skyddet om barnets vistelseort är skyddad."),
    )
    goal = text_field(_("Målet med vården"), required=False, rows=3)
    child_view = text_field(_("Barnets syn på den planerade vården"), required=False, rows=3)
    guardians_view = text_field(
        _("Vårdnadshavarnas syn på den planerade vården"),
        required=False,
        rows=3,
        help_text=_("Krävs så länge den unge är under 18 år."),
    )
    other_principals = text_field(
        _("Det som andra huvudmän ansvarar för"),
        required=False,
        rows=3,
        help_text=_("Till exempel skolan, barn- och ungdomspsykiatrin eller hälso- och sjukvården."),
    )
    long_term_housing = text_field(
        _("Barnets långsiktiga boende"),
        required=False,
        rows=3,
        help_text=_("Krävs när barnet har varit placerat i två år."),
    )
    special_reasons = text_field(
        _("Särskilda skäl mot att en del tas med"),
        required=False,
        rows=3,
        help_text=_("Bara om en del ovan lämnas tom: skriv vilken och varför."),
    )
