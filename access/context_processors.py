"""What the menu offers a user: the answers of access.rules, so the template never tests a role itself."""

from typing import Any

from django.http import HttpRequest

from access import rules


def permissions(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"may": {}}
    return {
        "may": {
            "work_with_cases": rules.may_register_signals(user),
            "request_emergency_access": rules.may_request_emergency_access(user),
            "review_logs": rules.may_review_logs(user),
            "read_analysis": rules.may_administer(user) or rules.may_review_logs(user),
            "administer": rules.may_administer(user),
            "name_staff": rules.may_name_staff(user),
            "report_delegation": rules.may_report_delegation(user),
            "read_catalogue": rules.may_read_catalogue(user),
            "analyse_needs": rules.may_analyse_needs(user),
            "report_outcomes": rules.may_report_outcomes(user),
            "log_outreach": rules.may_log_outreach(user),
            "report_outreach": rules.may_report_outreach(user),
            "read_meetings": rules.may_read_meetings(user),
        }
    }
