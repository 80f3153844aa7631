{
    "name": "Public Administration Centre: Satisfaction and Feedback",
    "summary": "Citizens rate the service of the one-stop shop on Odoo Survey",
    "version": "18.0.1.1.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["public_admin_centre", "survey", "bus", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/public_admin_survey_rules.xml",
        "data/ir_config_parameter_data.xml",
        "data/survey_dossier_evaluation_data.xml",
        "data/mail_template_data.xml",
        "data/sms_template_data.xml",
        "views/evaluation_templates.xml",
        "views/kiosk_templates.xml",
        "views/public_admin_dossier_views.xml",
        "views/public_admin_survey_attribution_views.xml",
        "views/public_admin_survey_menus.xml",
        "report/public_admin_evaluation_slip_templates.xml",
    ],
    "demo": [
        "demo/public_admin_survey_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "public_admin_survey/static/src/js/satisfaction_kiosk.js",
        ],
        "web.assets_tests": [
            "public_admin_survey/static/src/js/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
