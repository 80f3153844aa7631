{
    "name": "Public Administration Centre: Fees and Charges",
    "summary": "Fees and charges (phí, lệ phí) of administrative procedures on Odoo Accounting",
    "version": "18.0.1.0.0",
    "category": "Services/Public Administration",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["public_admin_centre", "account_payment"],
    "data": [
        "security/ir.model.access.csv",
        "views/public_admin_procedure_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "installable": True,
    "application": False,
}
