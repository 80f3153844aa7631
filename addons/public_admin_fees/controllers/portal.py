import base64

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.public_admin_centre.controllers.portal import DossierPortal


class DossierFeesPortal(DossierPortal):
    @http.route("/my/dossiers/<int:dossier_id>/vietqr.png", type="http", auth="public", methods=["GET"])
    def portal_my_dossier_vietqr(self, dossier_id, access_token=None, **kw):
        """The VietQR image of what is due, for the applicant or the holder of the dossier's link
        (the notification email links to it: mail clients drop inline images)."""
        try:
            dossier_sudo = self._dossier_check_access(dossier_id, access_token)
        except (AccessError, MissingError):
            return request.not_found()
        vietqr = dossier_sudo._fee_vietqr()
        if not vietqr["image"]:
            return request.not_found()
        png = base64.b64decode(vietqr["image"].split(",", 1)[1])
        return request.make_response(png, [("Content-Type", "image/png"), ("Cache-Control", "no-store")])
