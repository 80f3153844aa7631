"""The citizen's evaluation of a dossier, by its own link (email, SMS, portal, QR of the slip).

Login-free: the link's token is the only credential. Unknown tokens get a neutral 404 and
count as failed lookups (as the public status page's do); an evaluation answered or expired
gets a 400 with a message; a submission with missing or invalid answers stores nothing.
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.public_admin_centre.controllers.tools import PRIVATE_HEADERS, client_address


class PublicAdminEvaluation(http.Controller):
    def _render(self, values, status=200):
        return request.render(
            "public_admin_survey.evaluation_page",
            {"user_input": None, "questions": [], "answers": {}, "error": "", "done": False, **values},
            status=status,
            headers=PRIVATE_HEADERS,
        )

    def _lookup(self, token):
        user_input = request.env["survey.user_input"]._public_admin_from_token(token)
        if not user_input:
            request.env["public_admin.lookup.attempt"]._record_failure(client_address())
        return user_input

    def _not_found(self):
        return self._render({"error": request.env._("This evaluation link is not valid.")}, status=404)

    @http.route("/danh-gia/<string:token>", type="http", auth="public", website=True, methods=["GET"], sitemap=False)
    def evaluation_page(self, token, **kw):
        user_input = self._lookup(token)
        if not user_input:
            return self._not_found()
        refusal = user_input._public_admin_refusal()
        if refusal:
            return self._render({"error": refusal}, status=400)
        return self._render(
            {
                "user_input": user_input,
                "dossier": user_input.public_admin_dossier_id,
                "questions": user_input._public_admin_questions(),
                "token": token,
            }
        )

    @http.route("/danh-gia/<string:token>", type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def evaluation_submit(self, token, **post):
        user_input = self._lookup(token)
        if not user_input:
            return self._not_found()
        answers = {key[2:]: value for key, value in post.items() if key.startswith("q_")}
        try:
            # The token was checked above (the evaluation is the link's own); the answer is
            # validated and locked inside, and nothing is stored when it fails.
            with request.env.cr.savepoint():
                user_input._public_admin_submit(answers)
        except UserError as exc:
            refusal = user_input._public_admin_refusal()
            if refusal:
                return self._render({"error": refusal}, status=400)
            return self._render(
                {
                    "user_input": user_input,
                    "dossier": user_input.public_admin_dossier_id,
                    "questions": user_input._public_admin_questions(),
                    "token": token,
                    "answers": answers,
                    "error": exc.args[0],
                },
                status=400,
            )
        return self._render({"done": True})
