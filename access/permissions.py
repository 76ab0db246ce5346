"""What each role may do in a case of its own team: a table of roles and actions, written once.

`access.selectors` decides which cases a user sees; this table decides which of the case's forms a
role may use there. It is the needs-and-risk analysis (`accounts.NeedsRiskAnalysis`) made exact,
and the analysis page shows it beside each role's text. It lives in code, not in a table an
administrator edits, because widening it is a change to who exercises public authority over a
child: it is reviewed like code, and `access/tests/test_permissions.py` pins it.

Exercising authority (myndighetsutövning) over a child is the case worker's and the unit manager's:
protection assessment, förhandsbedömning, investigation, decisions and what follows them
(kommunicering, delivery, the court's answer), requests for documents, closing the case. Treatment
staff, outreach workers and the defector specialist document their own work in the journal; the
defector specialist, who works beside the police, also records that a child is held or remanded,
and carries the child's part in the exit programme with the case worker (its phases, the defector
status and the police's criteria, the child's motivation), and records that the police placed the
child in acute protection: that is the specialist's own work, and none of it is a decision about the
child (the committee's measures that follow are `DECIDE`). The threat picture (hotbild) is made with the
police, and the specialist who works beside them records it with the case worker and the unit manager: it
assesses a danger and decides nothing about the child. Structured assessments (`assessments`) are made by
the case worker, the unit manager and treatment staff: they support professional judgement and inform the plan.
Disclosing secret information to a partner (`DISCLOSE`) is the committee's own secrecy assessment, so it is
authority too: the specialist who works beside the police tells the case worker, who discloses. What a
meeting with partners said about the child (`MEETING`: a Bob-råd, a Custom under 18 call-in) is written
into the case by the case worker who took the case there, with what was decided or offered.
"""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Role


class CaseAction(models.TextChoices):
    JOURNAL = "journal", _("Skriva och signera journalanteckningar, registrera att någon invänder mot en")
    PROTECTION = "protection", _("Göra skyddsbedömning och registrera kontakt med vårdnadshavare")
    PRELIMINARY = "preliminary", _("Göra förhandsbedömning, förlänga den och återkoppla till anmälaren")
    INVESTIGATE = "investigate", _("Inleda, dokumentera och avsluta utredning")
    DECIDE = "decide", _("Registrera och signera beslut, kommunicering, delfående och domstolens avgörande")
    DOCUMENTS = "documents", _("Ta fram och kontrollera utskrifter")
    DETENTION = "detention", _("Registrera att barnet är frihetsberövat")
    CLOSE = "close", _("Avsluta och öppna ärendet igen")
    PROGRAMME = "programme", _("Föra barnets deltagande i avhopparprogrammet: faser, avhopparstatus, motivation")
    STAFF = "staff", _("Utse personal från andra team i enheten att arbeta i ärendet")
    ASSESS = "assess", _("Göra strukturerade bedömningar: behov, risk- och skyddsfaktorer, barnets egen syn")
    THREAT = "threat", _("Göra hotbild tillsammans med polisen")
    PROTECT = "protect", _("Registrera skyddsåtgärder")
    DISCLOSE = "disclose", _("Registrera utlämnanden av uppgifter till samverkanspartner, med lagrum")
    MEETING = "meeting", _("Föra in ärendets punkt från ett samverkansmöte: vad som togs upp och erbjöds")


# Who else works in a case is the unit manager's to decide: it widens who sees the child.
AUTHORITY = frozenset(CaseAction) - {CaseAction.STAFF}
ROLE_ACTIONS: Mapping[str, frozenset[CaseAction]] = {
    Role.CASEWORKER: AUTHORITY,
    Role.UNIT_MANAGER: AUTHORITY | {CaseAction.STAFF},
    # Treatment staff meet the child most often and do structured assessments in their own work; an
    # assessment informs the plan and decides nothing.
    Role.TREATMENT: frozenset({CaseAction.JOURNAL, CaseAction.ASSESS}),
    Role.OUTREACH: frozenset({CaseAction.JOURNAL}),
    # The specialist works beside the police and hears first that they placed the child: recording that
    # placement (`CaseAction.PROTECT`) starts the committee's clock; the decision that follows is not theirs.
    Role.DEFECTOR_SPECIALIST: frozenset(
        {CaseAction.JOURNAL, CaseAction.DETENTION, CaseAction.PROGRAMME, CaseAction.THREAT, CaseAction.PROTECT}
    ),
}


def actions_of(role: str) -> frozenset[CaseAction]:
    """What `role` may do in a case it may change; nothing for a role without case work."""
    return ROLE_ACTIONS.get(role, frozenset())


def actions_table() -> list[tuple[CaseAction, frozenset[str]]]:
    """Each action with the roles that may take it: the table the analysis page shows."""
    return [
        (action, frozenset(role for role, actions in ROLE_ACTIONS.items() if action in actions))
        for action in CaseAction
    ]
