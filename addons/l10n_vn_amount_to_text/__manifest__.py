{
    "name": "Vietnam - Amount in Words",
    "summary": "Vietnamese reading of numbers and VND amounts as accountants write them "
    "(Hai nghìn không trăm mười lăm đồng)",
    "version": "18.0.1.0.0",
    "category": "Accounting/Localizations",
    "author": "Public Admin Centre Suite contributors",
    "website": "https://github.com/public-admin-centre/public-admin-centre",
    "license": "LGPL-3",
    "depends": ["base"],
    "installable": True,
    "application": False,
}
