from django.urls import path

from web import admin_views, casework, delegation_views, document_views, journal_views, views

app_name = "web"
case = "arenden/<uuid:public_id>/"
signal = case + "aktualiseringar/<int:signal_id>/"
investigation = case + "utredningar/<uuid:investigation_id>/"
account = "admin/konton/<int:user_id>/"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("arbetsko/", views.work_queue, name="work_queue"),
    path("arbetsko/lasta/", views.notices_read, name="notices_read"),
    path("personer/sok/", views.person_search, name="person_search"),
    path("personer/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("aktualiseringar/ny/", casework.signal_new, name="signal_new"),
    path(case, views.case_detail, name="case_detail"),
    path(case + "tidslinje/", views.case_timeline, name="case_timeline"),
    path(case + "nodatkomst/", views.emergency_access, name="emergency_access"),
    path(signal + "skyddsbedomning/", casework.protection_assessment, name="protection_assessment"),
    path(signal + "forhandsbedomning/", casework.preliminary_assessment, name="preliminary_assessment"),
    path(signal + "forlang/", casework.preliminary_extend, name="preliminary_extend"),
    path(signal + "<slug:action>/", casework.signal_action, name="signal_action"),
    path(case + "utredningar/ny/", casework.investigation_open, name="investigation_open"),
    path(investigation + "delaktighet/", casework.investigation_participation, name="investigation_participation"),
    path(investigation + "avsluta/", casework.investigation_finish, name="investigation_complete"),
    path(case + "beslut/nytt/", casework.decision_new, name="decision_new"),
    path(case + "beslut/<uuid:decision_id>/understallt/", casework.court_referral, name="court_referral"),
    path(case + "journal/", journal_views.journal, name="journal"),
    path(case + "journal/spara/", journal_views.journal_save, name="journal_save"),
    path(case + "journal/<uuid:entry_id>/kasta/", journal_views.journal_discard, name="journal_discard"),
    path(case + "dokument/", document_views.document_new, name="document_new"),
    path(case + "dokument/<uuid:request_id>/", document_views.document, name="document"),
    path(case + "dokument/<uuid:request_id>/kontroll/", document_views.document_check, name="document_check"),
    path(case + "dokument/<uuid:request_id>/pdf/", document_views.document_download, name="document_pdf"),
    path(case + "avsluta/", casework.close, name="case_close"),
    path(case + "oppna-igen/", casework.reopen, name="case_reopen"),
    path("logg/", views.access_log, name="access_log"),
    path("logg/nodatkomst/<int:grant_id>/granska/", views.emergency_review, name="emergency_review"),
    path("behorighet/analys/", views.needs_risk_analysis, name="needs_risk_analysis"),
    path("delegationsbeslut/", delegation_views.delegation_report, name="delegation_report"),
    path("delegationsbeslut/csv/", delegation_views.delegation_report_csv, name="delegation_report_csv"),
    path("admin/konton/", admin_views.account_list, name="account_list"),
    path("admin/konton/nytt/", admin_views.account_create, name="account_create"),
    path(account, admin_views.account_detail, name="account_detail"),
    path(account + "inaktivera/", admin_views.account_deactivate, name="account_deactivate"),
    path(account + "aktivera/", admin_views.account_reactivate, name="account_reactivate"),
    path(account + "tvafaktor/aterstall/", admin_views.account_reset_second_factor, name="account_reset_2fa"),
    path("behorighet/skyddade/", admin_views.protected_naming, name="protected_naming"),
    path("behorighet/skyddade/namnge/", admin_views.protected_naming_grant, name="protected_naming_grant"),
    path(
        "behorighet/skyddade/<int:authorization_id>/aterkalla/",
        admin_views.protected_naming_withdraw,
        name="protected_naming_withdraw",
    ),
]
