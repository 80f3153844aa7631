from urllib.parse import quote, urlparse

from odoo.tests import tagged

from .test_portal import PublicAdminPortalCase


@tagged("post_install", "-at_install")
class TestCitizenToursOnPhone(PublicAdminPortalCase):
    """What a citizen clicks through on a phone, without coming to the centre."""

    browser_size = "390x844"
    touch_enabled = True

    def test_citizen_submits_online_answers_a_supplement_and_downloads_the_receipt(self):
        self.start_tour("/dich-vu-cong", "public_admin_citizen_submit_tour", login="citizen_an")
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        self.assertEqual(len(dossier), 1)
        self.assertEqual((dossier.state, dossier.channel), ("registered", "online"))
        self.assertTrue(dossier.online_reference)
        self.assertEqual(dossier.summary, "Xây nhà ở riêng lẻ 3 tầng tại 12 Trần Phú")
        required = dossier.document_ids.filtered("is_required")
        self.assertEqual(required.attachment_ids.mapped("name"), ["ho-so.pdf"] * 3)
        self.assertEqual(set(required.attachment_ids.mapped("mimetype")), {"application/pdf"})

        # The front desk receives it, then finds the drawing unsigned.
        dossier.with_user(self.front_desk).action_receive()
        drawing = dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng")
        drawing.with_user(self.front_desk).note = "Bản vẽ thiếu chữ ký của chủ đầu tư"
        dossier.with_user(self.front_desk).action_request_supplement("Bản vẽ thiếu chữ ký.")

        self.start_tour("/my/dossiers", "public_admin_citizen_follow_tour", login="citizen_an")
        self.assertIn("ban-ve-da-ky.pdf", drawing.attachment_ids.mapped("name"))
        self.assertEqual(dossier.state, "supplement", "the officer resumes once the files are checked")
        activity = dossier.activity_ids.filtered(lambda a: "Supplement received online" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.front_desk)
        question = dossier.message_ids.filtered(lambda m: "Xin hỏi khi nào có kết quả" in (m.body or ""))
        self.assertEqual(question.author_id, self.applicant, "the citizen writes to the centre from the portal")
        self.assertEqual(question.subtype_id, self.env.ref("mail.mt_comment"))
        receipt_logs = dossier.form_log_ids.filtered(lambda log: log.form_type == "receipt")
        self.assertEqual(receipt_logs.user_id, self.citizen, "the citizen's download is logged")

        dossier.with_user(self.front_desk).action_resume()
        self.assertEqual(dossier.state, "received")


@tagged("post_install", "-at_install")
class TestCitizenTours(PublicAdminPortalCase):
    """Anyone follows a dossier from the receipt, in Vietnamese whatever the browser's language."""

    def test_public_lookup_by_code_and_by_qr_link(self):
        dossier = self.dossier_of(self.applicant)
        self.start_tour(f"/tra-cuu-ho-so?code={quote(dossier.name)}", "public_admin_status_lookup_tour")
        qr_path = urlparse(dossier._get_public_status_url()).path
        self.start_tour(qr_path, "public_admin_status_qr_tour")
        self.assertFalse(
            self.env["public_admin.lookup.attempt"].search_count([]), "successful lookups are not counted as failures"
        )
