{
    "name": "SMS HTTP Gateway",
    "summary": "Send Odoo's SMS through your own HTTP gateway instead of the IAP service, "
    "with automatic retries and visible failures",
    "version": "18.0.1.0.0",
    "category": "Tools",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    # sms brings what the gateway also uses: mail (chatter, resend wizard), base_setup (the
    # General Settings form) and phone_validation (number formatting).
    "depends": ["sms"],
    "data": [
        "views/res_config_settings_views.xml",
        "views/sms_sms_views.xml",
    ],
    "installable": True,
    "application": False,
}
