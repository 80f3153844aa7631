"""The satisfaction kiosk of a counter: a tablet facing the citizen, known by its secret token.

The page is idle until the front desk invites the citizen (“Mời đánh giá”): the server wakes
the kiosk on the bus channel named by its token, and the kiosk asks for its pending
evaluation. The kiosk never holds the evaluation's own token: it answers through its device
token, for the one evaluation it was invited to show, and forgets everything when it resets.
A wrong or revoked token shows nothing.
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.public_admin_centre.controllers.tools import PRIVATE_HEADERS

KIND = "satisfaction_kiosk"


class PublicAdminSatisfactionKiosk(http.Controller):
    def _device(self, token):
        # The kiosk speaks the citizens' language (the public pages' rule), also in its calls.
        lang = request.env["ir.http"]._public_admin_visitor_lang()
        if lang:
            request.update_context(lang=lang.code)
        device = request.env["public_admin.device"]._from_token(token, KIND)
        if device:
            device._touch()
        return device

    @http.route(
        "/kiosk/danh-gia/<string:token>", type="http", auth="public", website=True, methods=["GET"], sitemap=False
    )
    def kiosk_page(self, token, **kw):
        device = self._device(token)
        if not device:
            return request.render("public_admin_survey.kiosk_not_found", {}, status=404, headers=PRIVATE_HEADERS)
        return request.render(
            "public_admin_survey.kiosk_page",
            {"device": device, "counter": device.counter_id, "token": token},
            headers=PRIVATE_HEADERS,
        )

    @http.route("/kiosk/danh-gia/<string:token>/pending", type="json", auth="public", methods=["POST"])
    def kiosk_pending(self, token, **kw):
        device = self._device(token)
        if not device:
            return {"error": "not_found"}
        user_input = request.env["survey.user_input"]._public_admin_kiosk_pending(device)
        if not user_input:
            return {"evaluation": False, "channel": device._bus_channel()}
        dossier = user_input.public_admin_dossier_id
        questions = []
        for question in user_input._public_admin_questions():
            questions.append(
                {
                    "id": question.id,
                    "title": question.title,
                    "type": question.question_type,
                    "role": question.public_admin_role or "",
                    "mandatory": question.constr_mandatory,
                    "answers": [
                        {"id": answer.id, "value": answer.value, "level": answer.public_admin_level or ""}
                        for answer in question.suggested_answer_ids.sorted("sequence")
                    ],
                }
            )
        return {
            "channel": device._bus_channel(),
            "evaluation": {
                "id": user_input.id,
                # What the citizen at the desk already knows from their receipt, nothing personal.
                "dossier": dossier.name or "",
                "procedure": dossier.procedure_id.name or "",
                "questions": questions,
            },
        }

    @http.route("/kiosk/danh-gia/<string:token>/submit", type="json", auth="public", methods=["POST"])
    def kiosk_submit(self, token, evaluation_id=None, answers=None, **kw):
        device = self._device(token)
        if not device:
            return {"error": "not_found"}
        user_input = request.env["survey.user_input"]._public_admin_kiosk_pending(device)
        if not user_input or user_input.id != evaluation_id:
            return {"error": request.env._("This evaluation is no longer open on this kiosk.")}
        try:
            # The kiosk's token was checked and the evaluation is the one it was invited to show.
            with request.env.cr.savepoint():
                user_input._public_admin_submit(answers if isinstance(answers, dict) else {}, device=device)
        except UserError as exc:
            return {"error": exc.args[0]}
        return {"done": True}

    @http.route("/kiosk/danh-gia/<string:token>/dismiss", type="json", auth="public", methods=["POST"])
    def kiosk_dismiss(self, token, evaluation_id=None, **kw):
        """The kiosk went back to idle without an answer: its invitation is withdrawn, so the
        next person cannot open it (the evaluation stays open by its link)."""
        device = self._device(token)
        if not device:
            return {"error": "not_found"}
        user_input = request.env["survey.user_input"]._public_admin_kiosk_pending(device)
        if user_input and user_input.id == evaluation_id:
            user_input.write({"public_admin_kiosk_id": False})
        return {"done": True}
