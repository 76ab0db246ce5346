"""Every route, every role, every kind of record: who gets what.

A new route without a rule here fails `test_every_route_has_a_rule`.
"""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World, grant_emergency
from tests.routes import our_routes

ROLES = ["hanna", "olle", "bo", "fia", "adam", "sara", "karin", "lars", "anna"]
NORR_TEAM = {"hanna", "olle", "bo", "fia", "adam"}

# Which users may see each kind of record (person page and case page alike).
SEES = {
    "own": NORR_TEAM | {"karin"},
    "other_team": {"sara"},
    "protected": {"hanna", "karin"},  # named staff only; olle is on the team but not named
}


def _record(world: World, kind: str) -> object:
    return {"own": world.own_case, "other_team": world.other_team_case, "protected": world.protected_case}[kind]


RECORD_ROUTES: dict[str, Callable[[object], str]] = {
    "casefile:case_detail": lambda case: reverse("casefile:case_detail", args=[case.public_id]),  # type: ignore[attr-defined]
    "casefile:person_detail": lambda case: reverse("casefile:person_detail", args=[case.child.public_id]),  # type: ignore[attr-defined]
    "api:case_detail": lambda case: reverse("api:case_detail", args=[case.public_id]),  # type: ignore[attr-defined]
    "api:person_detail": lambda case: reverse("api:person_detail", args=[case.child.public_id]),  # type: ignore[attr-defined]
    "casefile:case_timeline": lambda case: reverse("casefile:case_timeline", args=[case.public_id]),  # type: ignore[attr-defined]
    "journal:journal": lambda case: reverse("journal:journal", args=[case.public_id]),  # type: ignore[attr-defined]
}

# Who may change each kind of record: the case's own team and its unit manager, never through
# emergency access, and for a protected identity only named staff.
CHANGES = {
    "own": NORR_TEAM | {"karin"},
    "other_team": {"sara"},
    "protected": {"hanna", "karin"},
}
HOLDER = {"own": "hanna", "other_team": "sara", "protected": "hanna"}


def _work(world: World, kind: str) -> dict[str, object]:
    """A signal and an investigation in the record, made by the worker who holds it."""
    from django.utils import timezone

    from access.actor import Actor
    from documents.services import document_request
    from intake.models import Signal
    from intake.services import SignalInput, signal_register
    from investigations.services import investigation_open
    from journal.services import journal_draft_save
    from protection.tests.measuring import measures_in

    case = _record(world, kind)
    holder = Actor.system(world.user(HOLDER[kind]))
    receipt = signal_register(
        actor=holder,
        data=SignalInput(
            kind="police",
            received_at=timezone.now(),
            reporter_type="mandatory",
            content="Oro.",
            identity_number=case.child.identity_number,  # type: ignore[attr-defined]
        ),
    )
    investigation = investigation_open(actor=holder, case=case, question="Oro", opened_on=timezone.localdate())  # type: ignore[arg-type]
    document = document_request(
        actor=holder,
        case_public_id=case.public_id,  # type: ignore[attr-defined]
        kind="investigation",
        subject_public_id=investigation.public_id,
    )
    signal = Signal.objects.get(pk=receipt.signal_id)
    entry = journal_draft_save(actor=holder, case_public_id=case.public_id, body="Samtal.", sign=True)  # type: ignore[attr-defined]
    custody = _custody(holder, case)
    delivery = _delivered(holder, case, custody)
    communication = _communicated(holder, case)
    detention = _detained(holder, case)
    participation = _raised(holder, case)
    connection, window = _connected(holder, participation)
    consent = _planned(holder, participation)
    outcome = _outcome(holder, participation)
    assessment = _assessed(holder, case)
    return {
        **measures_in(holder, case),  # type: ignore[arg-type]
        "disclosure": _disclosed(holder, case),
        **_met(holder, case),
        "partner_consent": _consented(holder, case),
        "incoming_information": _informed(holder, case),
        "transfer_request": _requested(holder, case),
        "assessment": assessment,
        "consent": consent,
        "outcome": outcome,
        "participation": participation,
        "connection": connection,
        "window": window,
        "detention": detention,
        "communication": communication,
        "delivery": delivery,
        "case": case,
        "signal": signal,
        "investigation": investigation,
        "document": document,
        "entry": entry,
        "custody": custody,
    }


def _raised(holder: object, case: object) -> object:
    from django.utils import timezone

    from programme.services import RaiseInput, participation_raise

    data = RaiseInput(raised_on=timezone.localdate(), raised_how="report", raised_by="Polisen")
    return participation_raise(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _disclosed(holder: object, case: object) -> object:
    """A disclosure about the child to the school, needed for the committee's own work."""
    from django.utils import timezone

    from collaboration.disclosures import DisclosureInput, disclosure_record

    data = DisclosureInput(
        person=str(case.child.public_id),  # type: ignore[attr-defined]
        disclosed_on=timezone.localdate(),
        recipient_kind="school",
        recipient="Rektor",
        channel="oral",
        what="Skolgången.",
        basis="necessary",
        conditions={"2-necessary"},
        assessment="Nödvändigt för planen.",
    )
    return disclosure_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _met(holder: object, case: object) -> dict[str, object]:
    """A Bob-råd of the case's unit, held today, and the case's item from it."""
    from django.utils import timezone

    from collaboration.meetings import ItemInput, MeetingInput, meeting_create, meeting_item_record

    data = MeetingInput(kind="bob", held_on=timezone.localdate(), title="Bob-råd", participants="Polisen, skolan")
    meeting = meeting_create(actor=holder, data=data)  # type: ignore[arg-type]
    item = meeting_item_record(
        actor=holder,  # type: ignore[arg-type]
        case_public_id=case.public_id,  # type: ignore[attr-defined]
        meeting_id=meeting.public_id,
        data=ItemInput(discussed="Oro för skolgången."),
    )
    return {"meeting": meeting, "meeting_item": item}


def _consented(holder: object, case: object) -> object:
    """The child's own consent that the school may be told how the schooling goes."""
    from django.utils import timezone

    from collaboration.consents import ConsentInput, partner_consent_record

    data = ConsentInput(
        person=str(case.child.public_id),  # type: ignore[attr-defined]
        partner_kind="school",
        partner="Rektor",
        covers="Skolgången.",
        purpose="Stöd i skolan.",
        given_by=str(case.child.public_id),  # type: ignore[attr-defined]
        given_on=timezone.localdate(),
        form="oral",
    )
    return partner_consent_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _informed(holder: object, case: object) -> object:
    """A school's absence report on the case, for its correction."""
    from datetime import timedelta

    from django.utils import timezone

    from collaboration.incoming import AbsenceInput, IncomingInput, incoming_record

    today = timezone.localdate()
    data = IncomingInput(
        source_kind="school", sender="Rektor", received_at=timezone.now(), channel="written", content=""
    )
    absence = AbsenceInput(
        absence_from=today - timedelta(days=28),
        absence_to=today,
        absence_unit="lessons",
        absence_total=12,
        absence_unauthorised=4,
    )
    return incoming_record(actor=holder, case_public_id=case.public_id, data=data, absence=absence)  # type: ignore[arg-type, attr-defined]


def _requested(holder: object, case: object) -> object:
    """A request that another municipality take the case over, its disclosure on SoL 29 kap. 12 §."""
    from django.utils import timezone

    from collaboration.transfer_requests import RequestInput, transfer_request_record

    data = RequestInput(
        municipality="Kvarnby kommun",
        requested_on=timezone.localdate(),
        connection="Vårdnadshavaren bor där.",
        wishes="Barnet vill flytta.",
        duration="Länge.",
        circumstances="",
        what="Utredningen.",
        basis="29-12",
        conditions=frozenset({"29-12-needed"}),
        assessment="Behövs för att kommunen ska kunna ta över.",
    )
    return transfer_request_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _assessed(holder: object, case: object) -> object:
    from assessments.services import assessment_record
    from assessments.tests.helpers import data

    return assessment_record(actor=holder, case_public_id=case.public_id, data=data())  # type: ignore[arg-type, attr-defined]


def _planned(holder: object, participation: object) -> object:
    """A goal of the plan the child (12 or over) consented to alone; its consent."""
    from django.utils import timezone

    from programme.models import Consent
    from programme.plan import ItemInput, plan_item_add

    today = timezone.localdate()
    data = ItemInput(
        domain="treatment",
        goal_child="Må bättre.",
        goal_worker="Minskad oro.",
        insats="open-care",
        description="Öppenvård kvällar",
        responsible="Öppenvårdsteamet",
        starts_on=today,
        follow_up_on=today,
        child_consents=True,
        consent_how="Muntligt",
        suitable_reasons="Lämpligt: barnet vill och behöver stödet nu.",
    )
    ids = {"case_public_id": participation.case.public_id, "participation_id": participation.public_id}  # type: ignore[attr-defined]
    item = plan_item_add(actor=holder, **ids, data=data)  # type: ignore[arg-type]
    return Consent.objects.get(item=item)


def _outcome(holder: object, participation: object) -> object:
    """The outcome at entry, recorded by the worker holding the case."""
    from django.utils import timezone

    from programme.outcomes import OutcomeInput, outcome_record

    data = OutcomeInput(occasion="entry", recorded_on=timezone.localdate(), source="child", child_words="Lugnt.")
    ids = {"case_public_id": participation.case.public_id, "participation_id": participation.public_id}  # type: ignore[attr-defined]
    return outcome_record(actor=holder, **ids, data=data)  # type: ignore[arg-type]


def _connected(holder: object, participation: object) -> tuple[object, object]:
    """A connection from the child to an older person, and the window an event about him opened."""
    from datetime import date, timedelta

    from django.utils import timezone

    from core.identity import synthetic_identity_number
    from programme.connections import ConnectionInput, EventInput, connection_record, network_event_record
    from programme.models import MotivationWindow

    ids = {"case_public_id": participation.case.public_id, "participation_id": participation.public_id}  # type: ignore[attr-defined]
    data = ConnectionInput(
        identity_number=synthetic_identity_number(date(1999, 2, 3), 77).display,
        given_name="Kalle",
        family_name="Kopplad",
        source="police",
        source_note="Polisens lägesbild.",
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    connection = connection_record(actor=holder, **ids, data=data)  # type: ignore[arg-type]
    event = EventInput(kind="detained", occurred_on=timezone.localdate(), source="Polisen.")
    network_event_record(actor=holder, **ids, connection_id=connection.pk, data=event)  # type: ignore[arg-type]
    return connection, MotivationWindow.objects.get(participation=participation, connection=connection)  # type: ignore[misc]


def _detained(holder: object, case: object) -> object:
    from django.utils import timezone

    from intake.detentions import DetentionInput, detention_record

    data = DetentionInput(kind="held", began_on=timezone.localdate())
    return detention_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _communicated(holder: object, case: object) -> object:
    from datetime import timedelta

    from django.utils import timezone

    from decisions.communication import CommunicationInput, communication_record

    today = timezone.localdate()
    data = CommunicationInput(
        party_kind="child", party_name="", material="Utredningen", sent_on=today, reply_by=today + timedelta(days=14)
    )
    return communication_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _delivered(holder: object, case: object, decision: object) -> object:
    from django.utils import timezone

    from decisions.appeals import DeliveryInput, decision_delivery_record

    data = DeliveryInput(party_kind="child", party_name="", delivered_on=timezone.localdate(), method="in-person")
    return decision_delivery_record(
        actor=holder,  # type: ignore[arg-type]
        case_public_id=case.public_id,  # type: ignore[attr-defined]
        decision_id=decision.public_id,  # type: ignore[attr-defined]
        data=data,
    )


def _custody(holder: object, case: object) -> object:
    """A 6 § LVU custody decided today, under a section's item of the delegation order."""
    from datetime import date

    from django.utils import timezone

    from decisions.services import DecisionInput, decision_record, legal_bases_for
    from delegation.models import DecisionKind, DelegationItem

    today = timezone.localdate()
    item, _ = DelegationItem.objects.get_or_create(
        code="M 1",
        valid_from=date(2020, 1, 1),
        defaults={
            "decision_kind": DecisionKind.LVU_IMMEDIATE_CUSTODY,
            "delegate": "Utskottet",
            "delegate_level": "section",
        },
    )
    data = DecisionInput(
        kind=DecisionKind.LVU_IMMEDIATE_CUSTODY,
        legal_basis_id=legal_bases_for(DecisionKind.LVU_IMMEDIATE_CUSTODY, today)[0].pk,
        delegation_id=item.pk,
        decided_by_name="Utskottet",
        decided_on=today,
        reasons="Akut fara.",
        executed_on=today,
        communication="urgent",
    )
    return decision_record(actor=holder, case_public_id=case.public_id, data=data)  # type: ignore[arg-type, attr-defined]


def _case_url(name: str, *extra: str) -> Callable[[dict[str, object]], str]:
    def url(work: dict[str, object]) -> str:
        case = work["case"]
        args: list[object] = [case.public_id]  # type: ignore[attr-defined]
        for part in extra:
            by_pk = part in {"signal", "connection", "window", "consent"}
            args.append(work[part].pk if by_pk else work[part].public_id)  # type: ignore[attr-defined]
        return reverse(name, args=args)

    return url


# What each role may do in a case it may change (`access.permissions`), written out here by user so
# that a change to the table shows as a failing test: authority over the child is the case worker's
# and the unit manager's; bo (treatment), fia (outreach) and adam (defector specialist) write journal
# entries, bo also makes structured assessments, and adam records detentions, carries the exit programme
# and records the threat picture made with the police.
AUTHORITY = {"hanna", "olle", "sara", "karin"}
ACTION_USERS = {
    "journal": AUTHORITY | {"bo", "fia", "adam"},
    "detention": AUTHORITY | {"adam"},
    "protect": AUTHORITY | {"adam"},
    "programme": AUTHORITY | {"adam"},
    "staff": {"karin"},
    "assess": AUTHORITY | {"bo"},
    "threat": AUTHORITY | {"adam"},
    **{
        action: AUTHORITY
        for action in (
            "protection",
            "preliminary",
            "investigate",
            "decide",
            "documents",
            "close",
            "disclose",
            "meeting",
        )
    },
}

# Forms that change a case (GET shows the form), each with the action it takes: 200 for those who may
# take it, 403 for the case's own staff whose role may not, 404 for everyone else.
FORM_ROUTES: dict[str, tuple[str, Callable[[dict[str, object]], str]]] = {
    "intake:protection_assessment": ("protection", _case_url("intake:protection_assessment", "signal")),
    "intake:preliminary_assessment": ("preliminary", _case_url("intake:preliminary_assessment", "signal")),
    "intake:preliminary_extend": ("preliminary", _case_url("intake:preliminary_extend", "signal")),
    "intake:feedback_withhold": ("preliminary", _case_url("intake:feedback_withhold", "signal")),
    "investigations:investigation_open": ("investigate", _case_url("investigations:investigation_open")),
    "investigations:investigation_participation": (
        "investigate",
        _case_url("investigations:investigation_participation", "investigation"),
    ),
    "investigations:investigation_notice": (
        "investigate",
        _case_url("investigations:investigation_notice", "investigation"),
    ),
    "investigations:investigation_complete": (
        "investigate",
        _case_url("investigations:investigation_complete", "investigation"),
    ),
    "decisions:decision_new": ("decide", _case_url("decisions:decision_new")),
    "journal:journal_save": ("journal", _case_url("journal:journal_save")),
    "journal:journal_dispute": ("journal", _case_url("journal:journal_dispute", "entry")),
    "decisions:court_ruling": ("decide", _case_url("decisions:court_ruling", "custody")),
    "decisions:decision_delivery": ("decide", _case_url("decisions:decision_delivery", "custody")),
    "decisions:appeal_period": ("decide", _case_url("decisions:appeal_period", "delivery")),
    "decisions:communication_new": ("decide", _case_url("decisions:communication_new")),
    "intake:detention_new": ("detention", _case_url("intake:detention_new")),
    "intake:detention_end": ("detention", _case_url("intake:detention_end", "detention")),
    "decisions:communication_reply": ("decide", _case_url("decisions:communication_reply", "communication")),
    "casefile:case_close": ("close", _case_url("casefile:case_close")),
    "programme:participation_new": ("programme", _case_url("programme:participation_new")),
    "access:case_members": ("staff", _case_url("access:case_members")),
    "access:destination_naming": ("staff", _case_url("access:destination_naming")),
    "assessments:assessment_new": ("assess", _case_url("assessments:assessment_new")),
    "protection:threat_new": ("threat", _case_url("protection:threat_new")),
    "collaboration:disclosure_new": ("disclose", _case_url("collaboration:disclosure_new")),
    "collaboration:disclosure_correct": ("disclose", _case_url("collaboration:disclosure_correct", "disclosure")),
    "collaboration:consent_new": ("disclose", _case_url("collaboration:consent_new")),
    "collaboration:consent_withdraw": ("disclose", _case_url("collaboration:consent_withdraw", "partner_consent")),
    "collaboration:meeting_item_new": ("meeting", _case_url("collaboration:meeting_item_new", "meeting")),
    "collaboration:meeting_item_correct": (
        "meeting",
        _case_url("collaboration:meeting_item_correct", "meeting", "meeting_item"),
    ),
    "collaboration:incoming_new": ("journal", _case_url("collaboration:incoming_new")),
    "collaboration:incoming_correct": ("journal", _case_url("collaboration:incoming_correct", "incoming_information")),
    "collaboration:transfer_new": ("disclose", _case_url("collaboration:transfer_new")),
    "collaboration:transfer_request_new": ("disclose", _case_url("collaboration:transfer_request_new")),
    **{
        f"programme:{name}": ("programme", _case_url(f"programme:{name}", "participation"))
        for name in (
            "phase_new",
            "participation_end",
            "defector_assessment",
            "police_criteria",
            "motivation_new",
            "plan_item_new",
            "follow_up_new",
            "outcome_new",
            "care_plan_new",
        )
    },
    "programme:consent_withdraw": ("programme", _case_url("programme:consent_withdraw", "participation", "consent")),
    # Protective measures: the police's placement is recorded by whoever hears of it first (the defector
    # specialist too); the committee's measures and what follows them are decisions.
    "protection:police_new": ("protect", _case_url("protection:police_new")),
    "protection:shelter_new": ("decide", _case_url("protection:shelter_new")),
    "protection:shelter_referral": ("decide", _case_url("protection:shelter_referral", "shelter")),
    "protection:shelter_confirmation": ("decide", _case_url("protection:shelter_confirmation", "shelter")),
    "protection:shelter_review": ("decide", _case_url("protection:shelter_review", "shelter")),
    "protection:shelter_end": ("decide", _case_url("protection:shelter_end", "shelter")),
    "protection:secret_new": ("decide", _case_url("protection:secret_new")),
    "protection:secret_review": ("decide", _case_url("protection:secret_review", "secret")),
    "protection:secret_end": ("decide", _case_url("protection:secret_end", "secret")),
    "protection:registration_new": ("decide", _case_url("protection:registration_new", "secret")),
    "protection:registration_outcome": ("decide", _case_url("protection:registration_outcome", "registration")),
}
# Changes by POST alone: (url, data, status for those allowed). The data is refused as bad input by the
# service (e.g. reopening an open case), so nothing changes and the allowed answer is a redirect.
POST_ROUTES: dict[str, tuple[str, Callable[[dict[str, object]], str], dict[str, str], int]] = {
    "intake:signal_action": (
        "protection",
        lambda work: reverse(
            "intake:signal_action",
            args=[work["case"].public_id, work["signal"].pk, "vardnadshavare"],  # type: ignore[attr-defined]
        ),
        {},
        302,
    ),
    "decisions:court_referral": (
        "decide",
        lambda work: reverse(
            "decisions:court_referral",
            args=[work["case"].public_id, work["investigation"].public_id],  # type: ignore[attr-defined]
        ),
        {},
        302,
    ),
    "journal:journal_discard": (
        "journal",
        lambda work: reverse("journal:journal_discard", args=[work["case"].public_id, work["investigation"].public_id]),  # type: ignore[attr-defined]
        {},
        302,
    ),
    "casefile:case_reopen": ("close", _case_url("casefile:case_reopen"), {}, 302),
    # No such member: the service refuses, and the manager is sent back to the page with the message.
    "access:case_member_end": (
        "staff",
        lambda work: reverse("access:case_member_end", args=[work["case"].public_id, 0]),  # type: ignore[attr-defined]
        {},
        302,
    ),
    "access:destination_naming_end": (
        "staff",
        lambda work: reverse("access:destination_naming_end", args=[work["case"].public_id, 0]),  # type: ignore[attr-defined]
        {},
        302,
    ),
    "documents:document_new": ("documents", _case_url("documents:document_new"), {}, 302),
    "documents:document_check": ("documents", _case_url("documents:document_check", "document"), {}, 302),
}
# Reading a printable document: like the case itself. The PDF of a document about a protected
# person redirects back to the document page until a second person has checked it.
DOCUMENT_ROUTES = {
    "documents:document": _case_url("documents:document", "document"),
    "documents:document_pdf": _case_url("documents:document_pdf", "document"),
}
# The programme's restricted data (connections, motivation windows): forms for the child's own team
# (who may carry the programme) and the named defector specialists only; the unit manager, who may
# change the case, gets 403 like a role without the action.
RESTRICTED_FORM_ROUTES = {
    "programme:connection_new": _case_url("programme:connection_new", "participation"),
    "programme:connection_withdraw": _case_url("programme:connection_withdraw", "participation", "connection"),
    "programme:network_event_new": _case_url("programme:network_event_new", "participation", "connection"),
    "programme:window_act": _case_url("programme:window_act", "participation", "window"),
    "protection:conflicts": _case_url("protection:conflicts"),
}
# The same by POST alone (no such conflict: the service refuses, and the sender is sent back).
RESTRICTED_POST_ROUTES = {
    "protection:conflict_withdraw": lambda work: reverse(
        "protection:conflict_withdraw", args=[work["case"].public_id, 0]
    ),  # type: ignore[attr-defined]
}
RESTRICTED = {"own": {"hanna", "olle", "adam"}, "other_team": {"sara"}, "protected": {"hanna"}}
# Reading a record inside the case (the child's part in the programme): exactly like the case itself.
WORK_READ_ROUTES = {
    "programme:participation": _case_url("programme:participation", "participation"),
    "programme:plan": _case_url("programme:plan", "participation"),
    "programme:plan_pdf": _case_url("programme:plan_pdf", "participation"),
    "programme:care_plan": _case_url("programme:care_plan", "participation"),
    "programme:outcomes": _case_url("programme:outcomes", "participation"),
    "programme:outcome": _case_url("programme:outcome", "participation", "outcome"),
    "assessments:assessment_list": _case_url("assessments:assessment_list"),
    "assessments:assessment": _case_url("assessments:assessment", "assessment"),
    "api:assessment_list": _case_url("api:assessment_list"),
    "protection:page": _case_url("protection:page"),
    "collaboration:disclosures": _case_url("collaboration:disclosures"),
    "collaboration:consents": _case_url("collaboration:consents"),
    "collaboration:case_meetings": _case_url("collaboration:case_meetings"),
    "collaboration:incoming": _case_url("collaboration:incoming"),
    "collaboration:transfer_requests": _case_url("collaboration:transfer_requests"),
    "collaboration:transfer_request": _case_url("collaboration:transfer_request", "transfer_request"),
    "api:case_protection": _case_url("api:case_protection"),
    "api:participation_detail": lambda work: reverse(
        "api:participation_detail",
        args=[work["case"].public_id, work["participation"].public_id],  # type: ignore[attr-defined]
    ),
    "api:participation_outcomes": lambda work: reverse(
        "api:participation_outcomes",
        args=[work["case"].public_id, work["participation"].public_id],  # type: ignore[attr-defined]
    ),
}
# Routes open to a set of roles regardless of record: name -> (method, roles allowed, status when allowed).
ROLE_ROUTES = {
    # The log reviewer and the administrator see no case content: their start page is their own work.
    "casefile:my_work": ("get", set(ROLES) - {"lars", "anna"}, 200),
    "casefile:person_search": ("get", set(ROLES), 200),
    "access:emergency_access": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "access:emergency_access_by_number": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    # A unit manager's own unit's protected child: karin is named for it, so she goes straight to the
    # case (access/tests/test_protected_access.py has a manager who is not); everyone else: 404.
    "access:protected_access": ("get", {"karin"}, 302),
    "access:access_log": ("get", {"lars", "karin"}, 200),
    "access:emergency_review": ("post", {"lars", "karin"}, 302),
    # What was disclosed about a person: the reviewers of the log, never the content of a case.
    "collaboration:register_review": ("get", {"lars", "karin"}, 200),
    "access:needs_risk_analysis": ("get", {"lars", "anna", "karin"}, 200),
    "intake:signal_new": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    # Information from a partner about a child: a signal, so intake's rule.
    "collaboration:incoming_child": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "deadlines:work_queue": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "deadlines:notices_read": ("post", set(ROLES), 302),
    "api:my_cases": ("get", set(ROLES), 200),
    "api:api-root": ("get", set(ROLES), 404),
    "api:openapi-json": ("get", set(ROLES), 200),
    "api:openapi-view": ("get", set(ROLES), 200),
    # Accounts: administrators only (they see no case content); the reset answers with the one-time password.
    "administration:account_list": ("get", {"anna"}, 200),
    "administration:account_create": ("get", {"anna"}, 200),
    "administration:account_detail": ("get", {"anna"}, 200),
    "administration:account_deactivate": ("post", {"anna"}, 302),
    "administration:account_reactivate": ("post", {"anna"}, 302),
    "administration:account_reset_2fa": ("post", {"anna"}, 200),
    # Naming staff for protected persons: the unit manager (the POST below is incomplete, so it only redirects).
    "access:protected_naming": ("get", {"karin"}, 200),
    "access:protected_naming_grant": ("post", {"karin"}, 302),
    "access:protected_naming_withdraw": ("post", {"karin"}, 302),
    # The report of decisions under delegation: unit managers only. Without a period the export sends
    # the manager back to the report's form (reports/tests/test_exports.py asks with one).
    "reports:delegation_report": ("get", {"karin"}, 200),
    "reports:delegation_export": ("post", {"karin"}, 302),
    # The log extract is the log's: log reviewers and unit managers; the list, whoever may export.
    "reports:access_log_export": ("get", {"lars", "karin"}, 200),
    "reports:export_list": ("get", {"lars", "karin"}, 200),
    # The läges- och behovsanalys: figures of the unit's plans, for its manager alone.
    "reports:needs_analysis": ("get", {"karin"}, 200),
    # The programme's outcomes for the committee: figures of the unit's children, for its manager alone.
    "reports:outcomes_report": ("get", {"karin"}, 200),
    # Its questions are the municipality's follow-up model, kept by unit managers; no one's personal data.
    "programme:outcome_fields": ("get", {"karin"}, 200),
    "programme:outcome_field_new": ("get", {"karin"}, 200),
    "programme:outcome_field_retire": ("get", {"karin"}, 200),
    # The catalogue is no one's personal data: all who do case work read it and count what is given
    # without a needs assessment; the unit manager keeps it.
    "catalogue:catalogue": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "catalogue:service": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "catalogue:count_new": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "catalogue:count_fix": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "catalogue:service_new": ("get", {"karin"}, 200),
    "catalogue:service_edit": ("get", {"karin"}, 200),
    # The public contact page is outside the sign-in and the same for everyone; the test world has no
    # receiving account, so it says where to call instead (503).
    "outreach:public_contact": ("get", set(ROLES), 503),
    # The field: outreach workers and their unit manager log contacts (no one's personal data) and hand a
    # child to the mottagning; the figures are the manager's, for the committee.
    "outreach:field": ("get", {"fia", "karin"}, 200),
    "outreach:child": ("get", {"fia", "karin"}, 200),
    "outreach:report": ("get", {"karin"}, 200),
    # The areas the field's figures are by: the unit manager keeps the unit's own.
    "outreach:areas": ("get", {"karin"}, 200),
    "outreach:area_change": ("post", {"karin"}, 302),
    # The provider register names no child: all in case work read it; the unit manager keeps it.
    "protection:providers": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "protection:provider": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "protection:provider_new": ("get", {"karin"}, 200),
    "protection:provider_edit": ("get", {"karin"}, 200),
    "protection:provider_follow_up": ("get", {"karin"}, 200),
    # Meetings with partners name no child: the unit's case work reads its own unit's list; case workers
    # and the unit manager hold them. A Norr meeting's page is Norr's (each item on it only for who may
    # read its case: collaboration/tests/test_meetings.py).
    "collaboration:meetings": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "collaboration:meeting_new": ("get", {"hanna", "olle", "sara", "karin"}, 200),
    "collaboration:meeting": ("get", NORR_TEAM | {"karin"}, 200),
}
# An export's own pages, tried on karin's finished delegation export: hers alone (no role opens
# another's file), and 404 for everyone else, like a missing page.
EXPORT_ROUTES = {
    "reports:export_detail": "get",
    "reports:export_progress": "get",
    "reports:export_download": "post",
}
# Routes about one account, tried on hanna's.
ACCOUNT_ROUTES = (
    "administration:account_detail",
    "administration:account_deactivate",
    "administration:account_reactivate",
    "administration:account_reset_2fa",
)


def test_every_route_has_a_rule() -> None:
    ours = {route.name for route in our_routes()}
    missing = ours - set(RECORD_ROUTES) - set(ROLE_ROUTES) - set(FORM_ROUTES) - set(POST_ROUTES) - set(DOCUMENT_ROUTES)
    missing -= set(WORK_READ_ROUTES) | set(RESTRICTED_FORM_ROUTES) | set(EXPORT_ROUTES)
    missing -= set(RESTRICTED_POST_ROUTES) | set(DESTINATION_ROUTES)
    assert not missing, f"routes without an access rule in this test: {sorted(missing)}"


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world.user(username))
    return client


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
@pytest.mark.parametrize("kind", sorted(SEES))
@pytest.mark.parametrize("username", ROLES)
def test_record_route(world: World, route: str, kind: str, username: str) -> None:
    url = RECORD_ROUTES[route](_record(world, kind))
    response = _client(world, username).get(url)
    expected = 200 if username in SEES[kind] else 404
    assert response.status_code == expected, f"{username} on {kind} via {route}"


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
def test_emergency_access_opens_other_team_case(world: World, route: str) -> None:
    client = _client(world, "sara")
    url = RECORD_ROUTES[route](world.own_case)
    assert client.get(url).status_code == 404
    grant_emergency(world.user("sara"), world.own_case)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
def test_emergency_access_never_opens_protected_identity(world: World, route: str) -> None:
    grant_emergency(world.user("olle"), world.protected_case)
    response = _client(world, "olle").get(RECORD_ROUTES[route](world.protected_case))
    assert response.status_code == 404


def _allowed(username: str, kind: str, action: str, status: int) -> int:
    if username not in CHANGES[kind]:
        return 404
    return status if username in ACTION_USERS[action] else 403


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_forms_that_change_a_case(world: World, kind: str) -> None:
    work = _work(world, kind)
    for username in ROLES:
        client = _client(world, username)
        for route, (action, url) in FORM_ROUTES.items():
            if route == "journal:journal_save":
                status = client.post(url(work), {"body": ""}).status_code
                expected = _allowed(username, kind, action, 422)
            else:
                status = client.get(url(work)).status_code
                expected = _allowed(username, kind, action, 200)
            assert status == expected, f"{username} on {kind} via {route}"
        for route, (action, post_url, data, allowed) in POST_ROUTES.items():
            status = client.post(post_url(work), data).status_code
            assert status == _allowed(username, kind, action, allowed), f"{username} on {kind} via {route}"


def test_every_action_has_a_route_and_a_rule() -> None:
    from access.permissions import CaseAction

    assert set(ACTION_USERS) == set(CaseAction.values)
    assert {action for action, _url in FORM_ROUTES.values()} | {r[0] for r in POST_ROUTES.values()} == set(ACTION_USERS)


@pytest.mark.parametrize("kind", sorted(SEES))
def test_printable_documents(world: World, kind: str) -> None:
    work = _work(world, kind)
    for username in ROLES:
        client = _client(world, username)
        page = client.get(DOCUMENT_ROUTES["documents:document"](work)).status_code
        pdf = client.get(DOCUMENT_ROUTES["documents:document_pdf"](work)).status_code
        if username in SEES[kind]:
            assert (page, pdf) == (200, 302 if kind == "protected" else 200), f"{username} on {kind}"
        else:
            assert (page, pdf) == (404, 404), f"{username} on {kind}"


@pytest.mark.parametrize("kind", sorted(SEES))
def test_records_read_inside_a_case(world: World, kind: str) -> None:
    work = _work(world, kind)
    for username in ROLES:
        client = _client(world, username)
        for route, url in WORK_READ_ROUTES.items():
            expected = 200 if username in SEES[kind] else 404
            assert client.get(url(work)).status_code == expected, f"{username} on {kind} via {route}"


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_restricted_programme_forms(world: World, kind: str) -> None:
    work = _work(world, kind)
    for username in ROLES:
        client = _client(world, username)
        for route, url in RESTRICTED_FORM_ROUTES.items():
            expected = 404 if username not in CHANGES[kind] else 200 if username in RESTRICTED[kind] else 403
            assert client.get(url(work)).status_code == expected, f"{username} on {kind} via {route}"


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_restricted_programme_posts(world: World, kind: str) -> None:
    work = _work(world, kind)
    for username in ROLES:
        client = _client(world, username)
        for route, url in RESTRICTED_POST_ROUTES.items():
            expected = 404 if username not in CHANGES[kind] else 302 if username in RESTRICTED[kind] else 403
            assert client.post(url(work)).status_code == expected, f"{username} on {kind} via {route}"


def _destination_work(world: World, kind: str) -> dict[str, object]:
    """hanna named for the destination of the own and the protected case (nobody for Söder's), with a
    destination, its relocation and a warning; made directly, as the services are tested elsewhere."""
    from access.models import DestinationNaming
    from protection.models import Destination, PlacementWarning, Relocation

    case = {"own": world.own_case, "other_team": world.other_team_case, "protected": world.protected_case}[kind]
    now, hanna = timezone.now(), world.user("hanna")
    if kind != "other_team":
        DestinationNaming.objects.create(
            case=case, user=hanna, reason="Flytten.", named_by=world.user("karin"), named_at=now
        )
    holder = world.user(HOLDER[kind])
    destination = Destination.objects.create(
        case=case, municipality="Gävle", from_on=now.date(), entered_by=holder, entered_at=now
    )
    relocation = Relocation.objects.create(
        case=case, destination=destination, moved_on=now.date(), recorded_by=holder, recorded_at=now
    )
    warning = PlacementWarning.objects.create(case=case, destination=destination, same_municipality=True, raised_at=now)
    return {"case": case, "destination": destination, "relocation": relocation, "warning": warning}


# A case's protected destination: the staff named for it, and nobody else, whatever their role, team
# or grant; everyone else gets the 404 of a missing record (protection/tests/test_destinations.py has
# a named specialist, who sees the page and is refused the forms with 403).
DESTINATION_ROUTES = {
    "protection:destinations": _case_url("protection:destinations"),
    "protection:destination_new": _case_url("protection:destination_new"),
    "protection:destination_end": _case_url("protection:destination_end", "destination"),
    "protection:relocation_new": _case_url("protection:relocation_new", "destination"),
    "protection:handover_new": _case_url("protection:handover_new", "relocation"),
    "protection:warning_acknowledge": lambda work: reverse(
        "protection:warning_acknowledge",
        args=[work["case"].public_id, work["warning"].pk],  # type: ignore[attr-defined]
    ),
}
DESTINATION_NAMED = {"own": {"hanna"}, "other_team": set(), "protected": {"hanna"}}


@pytest.mark.parametrize("kind", sorted(SEES))
def test_destination_routes(world: World, kind: str) -> None:
    work = _destination_work(world, kind)
    grant_emergency(world.user("sara"), world.own_case)
    for username in ROLES:
        client = _client(world, username)
        for route, url in DESTINATION_ROUTES.items():
            expected = 200 if username in DESTINATION_NAMED[kind] else 404
            assert client.get(url(work)).status_code == expected, f"{username} on {kind} via {route}"


def test_emergency_access_reads_a_record_inside_the_case_but_never_a_protected_one(world: World) -> None:
    own, protected = _work(world, "own"), _work(world, "protected")
    grant_emergency(world.user("sara"), world.own_case)
    grant_emergency(world.user("olle"), world.protected_case)
    for route, url in WORK_READ_ROUTES.items():
        assert _client(world, "sara").get(url(own)).status_code == 200, route
        assert _client(world, "olle").get(url(protected)).status_code == 404, route


def test_emergency_access_never_opens_a_change(world: World) -> None:
    work = _work(world, "own")
    grant_emergency(world.user("sara"), world.own_case)
    client = _client(world, "sara")
    for route, (_action, url) in FORM_ROUTES.items():
        assert client.get(url(work)).status_code in {404, 405}, route
        assert client.post(url(work), {"body": "x"}).status_code == 404, route
    for route, (_action, post_url, data, _status) in POST_ROUTES.items():
        assert client.post(post_url(work), data).status_code == 404, route
    for route, url in RESTRICTED_FORM_ROUTES.items():
        assert client.get(url(work)).status_code == 404, route


@pytest.mark.parametrize("route", sorted(ROLE_ROUTES))
@pytest.mark.parametrize("username", ROLES)
def test_role_route(world: World, route: str, username: str) -> None:
    method, allowed, status = ROLE_ROUTES[route]
    grant = grant_emergency(world.user("sara"), world.own_case)
    args_by_route: dict[str, list[object]] = {
        "access:emergency_access": [world.own_case.public_id],
        "access:protected_access": [world.protected_case.public_id],
        "access:emergency_review": [grant.pk],
        **{route: [world.user("hanna").pk] for route in ACCOUNT_ROUTES},
        "access:protected_naming_withdraw": [world.user("hanna").protected_authorizations.get().pk],
        "programme:outcome_field_retire": ["own_safety"],
    }
    if route in CATALOGUE_ARGS:
        args_by_route[route] = CATALOGUE_ARGS[route](_counted_service(world))
    if route in PROVIDER_ROUTES:
        args_by_route[route] = [_provider().public_id]  # type: ignore[attr-defined]
    if route == "outreach:area_change":
        from outreach.models import OutreachArea

        args_by_route[route] = [OutreachArea.objects.create(name="Testområdet", unit=world.norr).pk]
    if route == "collaboration:meeting":
        args_by_route[route] = [_met(Actor.system(world.user("hanna")), world.own_case)["meeting"].public_id]  # type: ignore[attr-defined]
    args = args_by_route.get(route, [])
    client = _client(world, username)
    response = getattr(client, method)(
        reverse(route, args=args), {"note": "Kontrollerad, skälet håller."} if method == "post" else None
    )
    if route == "casefile:my_work" and username in STARTS_ELSEWHERE:
        assert (response.status_code, response["Location"]) == (302, STARTS_ELSEWHERE[username])
        return
    assert response.status_code == (status if username in allowed else 404), f"{username} on {route}"


STARTS_ELSEWHERE = {"lars": "/logg/", "anna": "/admin/konton/"}
CATALOGUE_ARGS: dict[str, Callable[[tuple[str, int]], list[object]]] = {
    "catalogue:service": lambda made: [made[0]],
    "catalogue:service_edit": lambda made: [made[0]],
    "catalogue:count_new": lambda made: [made[0]],
    "catalogue:count_fix": lambda made: list(made),
}


PROVIDER_ROUTES = {"protection:provider", "protection:provider_edit", "protection:provider_follow_up"}


def _provider() -> object:
    from protection.tests.measuring import provider

    return provider()


def _counted_service(world: World) -> tuple[str, int]:
    """A service given without a needs assessment, and one month's count of it."""
    from datetime import date

    from catalogue.models import AnonymousCount, Service

    service = Service.objects.create(
        key="samtal",
        name="Samtal",
        kind="open-activity",
        description="Samtal utan ansökan.",
        provider="Öppenvården",
        target_group="Unga",
        without_assessment=True,
        committee_decision="SN 1/2025",
        valid_from=date(2025, 7, 1),
    )
    month = timezone.localdate().replace(day=1)
    count = AnonymousCount.objects.create(
        service=service, month=month, age_band="15-17", count=3, recorded_by=world.user("bo")
    )
    return service.key, count.pk


@pytest.mark.parametrize("route", sorted(EXPORT_ROUTES))
@pytest.mark.parametrize("username", ROLES)
def test_export_route(world: World, route: str, username: str) -> None:
    from access.actor import Actor
    from reports.exports.services import export_request
    from reports.models import ExportKind
    from reports.tests.exporting import run_queued_exports

    period = {"first_day": "2026-01-01", "last_day": "2026-01-31"}
    export = export_request(actor=Actor.system(world.user("karin")), kind=ExportKind.DELEGATION, parameters=period)
    assert run_queued_exports() == ["ready"]
    response = getattr(_client(world, username), EXPORT_ROUTES[route])(reverse(route, args=[export.public_id]))
    assert response.status_code == (200 if username == "karin" else 404), f"{username} on {route}"


def test_anonymous_is_sent_to_sign_in(world: World) -> None:
    response = Client().get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_unit_manager_reviews_only_their_own_unit(world: World) -> None:
    soder_grant = grant_emergency(world.user("sara"), world.own_case)  # a Söder worker in a Norr case
    other = grant_emergency(world.user("sara"), world.other_team_case)  # entirely Söder's business
    client = _client(world, "karin")
    page = client.get(reverse("access:access_log")).content.decode()
    assert world.own_case.reference in page
    assert world.other_team_case.reference not in page
    response = client.post(reverse("access:emergency_review", args=[other.pk]), {"note": "Granskad."})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.reviewed_at is None
    assert (
        client.post(reverse("access:emergency_review", args=[soder_grant.pk]), {"note": "Granskad."}).status_code == 302
    )


def test_nobody_reviews_their_own_emergency_access(world: World) -> None:
    grant = grant_emergency(world.user("karin"), world.other_team_case)
    response = _client(world, "karin").post(reverse("access:emergency_review", args=[grant.pk]), {"note": "Ok."})
    assert response.status_code == 404
    grant.refresh_from_db()
    assert grant.reviewed_at is None
