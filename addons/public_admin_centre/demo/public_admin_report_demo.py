"""Demo of the reports: digitisation and reuse on the demo dossiers, publication dates on the
demo catalogue, and the statistics report of last month locked, so that the reports, the
national indicators and the manager's day show figures when a manager first opens them."""

import base64
import random
from datetime import timedelta

from odoo import api, fields, models

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class PublicAdminDemoLoaderReports(models.AbstractModel):
    _inherit = "public_admin.demo.loader"

    @api.model
    def _generate_demo_reports(self, seed=766):
        env = self.env(su=True, context=dict(self.env.context, tracking_disable=True, mail_notrack=True))
        rng = random.Random(seed)
        Dossier = env["public_admin.dossier"]
        received = Dossier.search([("date_received", "!=", False)], order="date_received, id")
        seen_documents = {}
        for dossier in received:
            handed_in = dossier.document_ids.filtered("is_received")
            if rng.random() < 0.6:
                handed_in.write({"is_digitised": True})
            earlier = seen_documents.get(dossier.partner_id.id)
            if earlier and rng.random() < 0.5:
                same = handed_in.filtered(lambda d, name=earlier.name: d.name == name)[:1]
                if same:
                    same.write({"reused_from_id": earlier.id, "is_digitised": True})
            if handed_in and dossier.partner_id:
                seen_documents[dossier.partner_id.id] = handed_in[0]
            if dossier.date_finished and rng.random() < 0.5:
                attachment = env["ir.attachment"].create(
                    {
                        "name": f"ket-qua-{dossier.name}.pdf",
                        "datas": base64.b64encode(PDF),
                        "res_model": "public_admin.dossier",
                        "res_id": dossier.id,
                    }
                )
                dossier.result_attachment_id = attachment
        for procedure in env["public_admin.procedure"].search([("date_decision", "=", False)]):
            effective = procedure.date_effective_from
            if not effective:
                continue
            late = rng.random() < 0.2
            procedure.write(
                {
                    "date_decision": effective - timedelta(days=20),
                    "date_published": effective + timedelta(days=7) if late else effective - timedelta(days=5),
                }
            )
        today = fields.Date.context_today(env["public_admin.dossier"])
        first = today.replace(day=1)
        last_month = (first - timedelta(days=1)).replace(day=1)
        Report = env["public_admin.statistics.report"]
        if not Report.search_count([("date_from", "=", last_month)]):
            locked = Report.create({"date_from": last_month, "date_to": first - timedelta(days=1)})
            locked.action_compute()
            locked.action_lock()
            Report.create({"date_from": first, "date_to": today}).action_compute()
