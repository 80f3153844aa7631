from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.web import Home


class PublicAdminHome(Home):
    """The site's root leads visitors to the catalogue of procedures, not to a login page.

    Signed-in people keep Odoo's way: employees to the backend, citizens to their account. A
    database with the ``website`` module has its own home page and does not need this.
    """

    @http.route()
    def index(self, *args, **kw):
        # With the website module, its home page is the site's root.
        if request.db and not request.session.uid and "website" not in request.env:
            return request.redirect("/dich-vu-cong", 303)
        return super().index(*args, **kw)
