{
    "name": "Public Administration Centre: Satisfaction and Feedback",
    "summary": "Citizens rate the service of the one-stop shop on Odoo Survey",
    "version": "18.0.1.0.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["public_admin_centre", "survey"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
