from freezegun import freeze_time
from lxml import html

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PDF, PublicAdminCase


@tagged("post_install", "-at_install")
class TestCompletionBeforeReception(PublicAdminCase):
    """An online dossier sent back for completion before reception (form 02): no clock to stop."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(
            cls.env, login="citizen_completion", groups="base.group_portal", partner_id=cls.applicant.id
        )

    def online_dossier(self):
        files = {line.id: [("ho-so.pdf", PDF)] for line in self.procedure.document_ids if line.is_required}
        return (
            self.env["public_admin.dossier"]
            .with_user(self.citizen)
            ._portal_submit(self.procedure, {"name": "Nguyễn Văn An", "phone": "0912 345 678"}, files)
        )

    def test_front_desk_asks_to_complete_and_the_citizen_answers_online(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.online_dossier()
            dossier = dossier.with_user(self.front_desk)
            self.assertTrue(dossier.can_request_supplement)
            dossier.action_request_supplement("Bản vẽ thiếu chữ ký của chủ đầu tư")
        self.assertEqual(dossier.state, "supplement")
        self.assertEqual(dossier.state_before_pause, "registered")
        self.assertEqual(dossier.supplement_count, 0, "not a supplement request of the processing")
        self.assertFalse(dossier.date_due, "no clock before reception")
        self.assertFalse(dossier.can_stop, "a dossier not received is refused, not stopped")
        chatter = " ".join(str(body) for body in dossier.message_ids.mapped("body"))
        self.assertIn("Completion requested before reception: Bản vẽ thiếu chữ ký của chủ đầu tư", chatter)

        drawing = dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng")
        with freeze_time(self.local(2026, 11, 25, 9, 0)):
            dossier.with_user(self.citizen)._portal_add_supplement_files({drawing.id: [("ban-ve-ky.pdf", PDF)]})
        self.assertEqual(dossier.state, "registered", "back in the front desk's queue")
        self.assertIn(dossier, self.env["public_admin.dossier"].search([("state", "=", "registered")]))

        with freeze_time(self.local(2026, 11, 26, 9, 0)):
            dossier.action_receive()
        self.assertEqual(dossier.date_due, self.local(2026, 12, 17, 9, 0), "15 working days from reception")
        self.assertEqual(dossier.supplement_count, 0)

    def test_supplement_received_at_the_counter_brings_it_back_to_the_queue(self):
        dossier = self.online_dossier().with_user(self.front_desk)
        dossier.action_request_supplement("Thiếu giấy tờ đất")
        self.assertTrue(dossier.can_resume)
        dossier.action_resume()
        self.assertEqual(dossier.state, "registered")

    def test_supplement_request_form_for_a_dossier_not_received(self):
        dossier = self.online_dossier().with_user(self.front_desk)
        dossier.action_request_supplement("Bản vẽ thiếu chữ ký của chủ đầu tư")
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.front_desk)
            ._render_qweb_html("public_admin_centre.public_admin_dossier_report_supplement", dossier.ids)
        )
        page = " ".join(html.fromstring(content).text_content().split())
        self.assertIn("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", page)
        self.assertIn("Lý do: Bản vẽ thiếu chữ ký của chủ đầu tư", page)
        self.assertIn("Nguyễn Văn An", page)
        self.assertNotIn("Mã hồ sơ", page, "no code before reception")

    def test_officers_do_not_reach_dossiers_before_reception(self):
        dossier = self.online_dossier()
        self.assertFalse(dossier.with_user(self.officer_construction).can_request_supplement)
        with self.assertRaises(AccessError):
            dossier.with_user(self.officer_construction).action_request_supplement("Thiếu giấy tờ")
