"""Every append-only table is guarded by the one helper's triggers, and no other trigger exists."""

import pytest
from django.db import connection

from core.immutability import trigger_name

pytestmark = pytest.mark.django_db

# Tables whose rows, once written (or signed), the application may never change or remove.
GUARDED = (
    "access_accessevent",
    "access_accesslogseal",
    "decisions_decision",
    "decisions_delegationitem",
    "deadlines_extension",
    "intake_protectionassessment",
    "intake_preliminaryassessment",
    "intake_signal",
    "journal_journalentry",
    "journal_journaldispute",
    "decisions_courtruling",
    "decisions_decisiondelivery",
    "decisions_communication",
    "intake_detention",
    "programme_phasetransition",
    "programme_defectorassessment",
    "programme_criterioncheck",
    "programme_motivationrecord",
    "programme_connection",
    "programme_networkevent",
    "programme_motivationwindow",
    "programme_planitem",
    "programme_consent",
    "programme_followup",
    "programme_careplan",
    "programme_itemreview",
    "catalogue_anonymouscount",
    "access_destinationnaming",
    "collaboration_disclosure",
    "collaboration_incominginformation",
    "collaboration_transfer",
    "collaboration_transferrequest",
    "collaboration_transferanswer",
    "collaboration_ivoapplication",
    "collaboration_ivodecision",
    "outreach_outreachcontact",
    "collaboration_partnerconsent",
    "collaboration_meeting",
    "collaboration_meetingitem",
    "collaboration_meetingattendance",
    "collaboration_meetingfollowupreminder",
    "protection_threatassessment",
    "protection_threatenedperson",
    "protection_providerfollowup",
    "protection_policeplacement",
    "protection_relocation",
    "protection_handover",
    "protection_shelterplacement",
    "protection_secretwhereabouts",
    "protection_protectedregistration",
    "protection_destination",
    "protection_conflict",
    "protection_placementwarning",
    "programme_outcomefield",
    "programme_outcomerecord",
    "programme_outcomevalue",
    "programme_outcomereminder",
    "assessments_instrument",
    "assessments_scale",
    "assessments_scalevalue",
    "assessments_domain",
    "assessments_item",
    "assessments_assessment",
    "assessments_rating",
)


def _triggers() -> set[tuple[str, str]]:
    """(table, trigger) for every user trigger; a partition's clone of its parent's is left out."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgparentid = 0"
            )
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        return {(table, name) for table, name in cursor.fetchall()}


def _operations() -> tuple[str, ...]:
    return ("update", "delete", "truncate") if connection.vendor == "postgresql" else ("update", "delete")


def test_each_guarded_table_has_the_helpers_triggers() -> None:
    triggers = _triggers()
    missing = [
        trigger_name(table, op)
        for table in GUARDED
        for op in _operations()
        if (table, trigger_name(table, op)) not in triggers
    ]
    assert missing == []


def test_no_trigger_is_written_any_other_way() -> None:
    foreign = [(table, name) for table, name in _triggers() if name not in _expected_names(table)]
    assert foreign == []


def _expected_names(table: str) -> set[str]:
    if table.startswith("access_accessevent_"):  # a monthly partition: its own TRUNCATE guard only
        return {trigger_name(table, "truncate")}
    return {trigger_name(table, op) for op in _operations()}
