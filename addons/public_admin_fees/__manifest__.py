{
    "name": "Public Administration Centre: Fees and Charges",
    "summary": "Fees and charges (phí, lệ phí) of administrative procedures on Odoo Accounting: "
    "schedules, invoices, counter and online payment, receipts, refunds, reconciliation, remittance",
    "version": "18.0.2.0.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": [
        "public_admin_centre",
        "l10n_vn_amount_to_text",
        "account_payment",
        # the demo provider runs the tests and the demo database; it is disabled on install
        # without demo data (see post_init_hook)
        "payment_demo",
        "l10n_vn",
        "report_xlsx",
        # OCA bank statements and reconciliation (bank-statement-import, account-reconcile)
        "account_reconcile_oca",
        "account_reconcile_model_oca",
        "account_statement_import_camt",
        "account_statement_import_ofx",
        "account_statement_import_sheet_file",
    ],
    "data": [
        "security/public_admin_fees_security.xml",
        "security/ir.model.access.csv",
        "security/public_admin_fees_rules.xml",
        "data/mail_template_data.xml",
        "data/public_admin_indicator_data.xml",
        "views/public_admin_procedure_views.xml",
        "views/public_admin_fee_exemption_views.xml",
        "views/public_admin_dossier_views.xml",
        "views/public_admin_fee_receipt_views.xml",
        "views/public_admin_fee_report_views.xml",
        "views/account_journal_views.xml",
        "views/account_reconcile_views.xml",
        "wizards/public_admin_fee_wizard_views.xml",
        "views/public_admin_fees_menus.xml",
        "report/public_admin_fee_reports.xml",
        "report/public_admin_dossier_receipt_templates.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/public_admin_fees_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "public_admin_fees/static/src/js/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": False,
}
