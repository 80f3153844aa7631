{
    "name": "Public Administration Centre: Satisfaction and Feedback",
    "summary": "Citizens rate the service of the one-stop shop on Odoo Survey",
    "version": "18.0.1.0.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["public_admin_centre", "survey", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/public_admin_complaint_rules.xml",
        "data/public_admin_complaint_data.xml",
        "data/public_admin_complaint_mail_template_data.xml",
        "data/public_admin_complaint_sms_template_data.xml",
        "views/public_admin_complaint_views.xml",
        "views/public_complaint_templates.xml",
        "views/portal_complaint_templates.xml",
    ],
    "demo": [
        "demo/public_admin_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "public_admin_survey/static/src/js/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
