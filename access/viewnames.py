"""What each view name in the access log means, in plain words for the person reviewing the log.

The log stores the code (stable, searchable); the log page shows these words. A code without words
here is shown as it is, so a new page is never hidden from a reviewer.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

VIEW_WORDS: dict[str, Promise] = {
    "case.overview": _("Ärendets sida"),
    "case.overview.related": _("Anhöriga på ärendets sida"),
    "case.my_work": _("Mitt arbete"),
    "case.timeline": _("Barnets tidslinje"),
    "case.timeline.other_cases": _("Barnets andra ärenden i tidslinjen"),
    "case.emergency": _("Nödåtkomst till ärendet"),
    "case.close": _("Avslut av ärendet"),
    "case.close.form": _("Formulär för avslut"),
    "case.reopen": _("Ärendet öppnades igen"),
    "person.detail": _("Personens sida"),
    "person.detail.related": _("Anhöriga på personens sida"),
    "person.search": _("Personsökning"),
    "api.case": _("Ärendet via API"),
    "api.cases": _("Ärendelistan via API"),
    "api.person": _("Personen via API"),
    "deadlines.work_queue": _("Arbetskön"),
    "intake.signal_new": _("Ny aktualisering"),
    "intake.signal_register": _("Aktualisering registrerad"),
    "intake.likely_duplicate": _("Varning för trolig dubblett"),
    "intake.protection_assessment": _("Omedelbar skyddsbedömning"),
    "intake.protection_assessment.form": _("Formulär för skyddsbedömning"),
    "intake.preliminary_assessment": _("Förhandsbedömning"),
    "intake.preliminary_assessment.form": _("Formulär för förhandsbedömning"),
    "intake.preliminary_extend": _("Förlängd förhandsbedömning"),
    "intake.preliminary_extend.form": _("Formulär för förlängning"),
    "intake.guardian_contact": _("Kontakt med vårdnadshavare"),
    "intake.reporter_feedback": _("Återkoppling till anmälaren"),
    "intake.reporter_feedback_request": _("Anmälaren begärde återkoppling"),
    "intake.reporter_feedback_withhold": _("Återkoppling olämplig"),
    "intake.reporter_feedback_withhold.form": _("Formulär för olämplig återkoppling"),
    "investigation.open": _("Utredning inledd"),
    "investigation.open.form": _("Formulär för att inleda utredning"),
    "investigation.participation": _("Barnets delaktighet"),
    "investigation.participation.form": _("Formulär för barnets delaktighet"),
    "investigation.complete": _("Utredning avslutad"),
    "investigation.complete.form": _("Formulär för att avsluta utredning"),
    "decision.form": _("Beslutsformulär"),
    "decision.record": _("Beslut registrerat"),
    "decision.court_referral": _("Underställning till förvaltningsrätten"),
    "decision.court_ruling": _("Rättens avgörande registrerat"),
    "decision.court_ruling.form": _("Formulär för rättens avgörande"),
    "decision.delivery": _("Delfående av beslut registrerat"),
    "decision.delivery.form": _("Formulär för delfående"),
    "decision.appeal_period": _("Överklagandetid avslutad"),
    "decision.appeal_period.form": _("Formulär för överklagandetid"),
    "decisions.delegation_report": _("Rapport om delegationsbeslut"),
    "journal.page": _("Journalen"),
    "journal.draft_save": _("Journalutkast sparat"),
    "journal.sign": _("Journalanteckning signerad"),
    "journal.discard": _("Journalutkast borttaget"),
    "journal.dispute": _("Invändning mot journalanteckning antecknad"),
    "journal.dispute.form": _("Formulär för invändning mot journalanteckning"),
    "document.request": _("Utskrift beställd"),
    "document.view": _("Dokument visat"),
    "document.confirm": _("Dokument kontrollerat"),
    "document.pdf": _("Dokument utskrivet"),
    "access.emergency_access": _("Sidan för nödåtkomst"),
    "access.emergency_review": _("Granskning av nödåtkomst"),
    "access.log": _("Åtkomstloggen"),
    "access.naming": _("Namngivning för skyddade personer"),
    "access.naming.grant": _("Namngivning"),
    "access.needs_risk_analysis": _("Behovs- och riskanalysen"),
    "access_log.search": _("Fråga till loggen"),
    "access_log.sample": _("Stickprov ur loggen"),
    "access_log.names": _("Namn i loggen"),
    "administration.accounts": _("Kontona"),
}


def view_words(code: str) -> str:
    words = VIEW_WORDS.get(code)
    return str(words) if words is not None else code
