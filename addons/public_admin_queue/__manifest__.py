{
    "name": "Public Administration Centre: Waiting Room",
    "summary": "Ticket kiosk, counter calling, waiting-room display with a Vietnamese voice, procedure lookup screen",
    "version": "18.0.1.0.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["public_admin_centre", "bus", "l10n_vn_amount_to_text"],
    "data": [
        "security/ir.model.access.csv",
        "security/public_admin_queue_rules.xml",
        "views/public_admin_queue_service_views.xml",
        "views/public_admin_queue_ticket_views.xml",
        "views/public_admin_agency_views.xml",
        "views/public_queue_templates.xml",
    ],
    "demo": [
        "demo/public_admin_queue_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "public_admin_queue/static/src/scss/queue_screens.scss",
            "public_admin_queue/static/src/js/*.js",
            "public_admin_queue/static/src/xml/*.xml",
        ],
        "web.assets_tests": [
            "public_admin_queue/static/src/js/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
