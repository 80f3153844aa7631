from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PublicAdminCase
from .translation_check import VietnameseTranslationChecks


@tagged("post_install", "-at_install")
class TestVietnameseTranslation(VietnameseTranslationChecks, PublicAdminCase):
    module = "public_admin_centre"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["public_admin_centre"], ["vi_VN"], overwrite=True)
        (cls.front_desk | cls.officer_construction).lang = "vi_VN"

    def test_officers_work_in_vietnamese(self):
        Dossier = self.env["public_admin.dossier"].with_context(lang="vi_VN")
        self.assertEqual(Dossier._fields["state"]._description_string(Dossier.env), "Trạng thái")
        states = dict(Dossier._fields["state"]._description_selection(Dossier.env))
        self.assertEqual(states["received"], "Đã tiếp nhận")
        self.assertEqual(states["supplement"], "Chờ bổ sung")

    def test_messages_and_errors_reach_officers_in_vietnamese(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.create_dossier()
            # The web client sends the user's language in the context of every call.
            dossier.with_user(self.front_desk).with_context(lang="vi_VN").action_receive()
        bodies = " ".join(dossier.message_ids.mapped("body"))
        self.assertIn(f"Đã tiếp nhận hồ sơ với mã {dossier.name}", bodies)
        with self.assertRaisesRegex(UserError, "Vui lòng nhập lý do yêu cầu bổ sung hồ sơ"):
            dossier.with_user(self.officer_construction).with_context(lang="vi_VN").action_request_supplement(" ")
