"""The chatter's paperclip on a dossier: citizens' files go through the same checks as the forms."""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController

from ..tools.uploads import check_uploaded_file, upload_max_bytes


class DossierAttachmentController(AttachmentController):
    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        # Officers attach what their work needs; citizens (portal users, or visitors holding a
        # dossier's access token) are held to the portal's rules: PDF, JPEG or PNG by content,
        # the size limit, no forged names.
        if thread_model == "public_admin.dossier" and request.env.user.share:
            data = ufile.read(upload_max_bytes(request.env) + 1)
            try:
                clean_name, _mimetype = check_uploaded_file(request.env, ufile.filename, data)
            except UserError as error:
                return request.make_json_response({"error": error.args[0]})
            ufile.stream.seek(0)
            ufile.filename = clean_name
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending=is_pending, **kwargs)
