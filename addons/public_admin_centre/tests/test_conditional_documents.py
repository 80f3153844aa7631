from lxml import html

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..tools import conditional_clause
from .common import PDF, PublicAdminCase
from .test_portal import PublicAdminPortalCase

PASSPORT = "Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)"


class ConditionalChecklistMixin:
    @classmethod
    def setup_driving_licence(cls):
        """ "Cấp lại giấy phép lái xe" as published: the passport applies to foreigners only."""
        cls.driving_licence = cls.env["public_admin.procedure"].create(
            {
                "code": "1.002804",
                "name": "Cấp lại giấy phép lái xe",
                "agency_id": cls.construction.id,
                "processing_time_legal": 10,
                "online_level": "full",
                "date_effective_from": "2020-01-01",
                "document_ids": [
                    (0, 0, {"name": "Đơn đề nghị cấp lại giấy phép lái xe theo mẫu"}),
                    (0, 0, {"name": PASSPORT, "copy_type": "photocopy"}),
                ],
            }
        )
        cls.application_form, cls.passport = cls.driving_licence.document_ids


@tagged("post_install", "-at_install")
class TestConditionalDocuments(ConditionalChecklistMixin, PublicAdminCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_driving_licence()

    def test_conditions_are_recognised_from_the_published_text(self):
        cases = {
            PASSPORT: "đối với người nước ngoài, người Việt Nam định cư ở nước ngoài",
            "Bản sao Danh mục hàng hóa (Packing List – nếu có)": "nếu có",
            "Các tài liệu khác liên quan kèm theo (nếu có)": "nếu có",
            "Điều lệ của doanh nghiệp đối với công ty đấu giá hợp danh": "đối với công ty đấu giá hợp danh",
            "Giấy xác nhận trụ sở mới của Trung tâm, Chi nhánh trong trường hợp thay đổi trụ sở": (
                "trong trường hợp thay đổi trụ sở"
            ),
            "Đối với cơ quan, tổ chức bị mất con dấu: - Văn bản đề nghị đăng ký lại mẫu con dấu": (
                "Đối với cơ quan, tổ chức bị mất con dấu"
            ),
            "Ảnh hoặc bản mô tả hàng hóa theo quy định (trừ trường hợp nhập khẩu muối rời)": (
                "trừ trường hợp nhập khẩu muối rời"
            ),
            "Giấy khám sức khỏe của người lái xe (trừ người có giấy phép lái xe hạng A1, A, B1)": (
                "trừ người có giấy phép lái xe hạng A1, A, B1"
            ),
        }
        for text, condition in cases.items():
            with self.subTest(text=text):
                self.assertEqual(conditional_clause(text), condition)
        always = [
            "Đơn đề nghị cấp giấy phép xây dựng",
            # What follows a semicolon or a full stop is guidance about the document.
            "Bằng đại học phù hợp; đối với văn bằng do cơ sở đào tạo nước ngoài cấp, phải có bản dịch",
            "Bản chính Giấy đăng ký đã được cấp. Trong trường hợp nộp trực tuyến thì gửi bản chính qua bưu điện",
            # "đối với" about the content of the document, not about a kind of applicant.
            "Báo cáo quá trình mở thừa kế đối với di sản",
            "Bản sao Hợp đồng (là bản tiếng Việt, nếu là ngôn ngữ khác thì nộp kèm bản dịch)",
            "",
        ]
        for text in always:
            with self.subTest(text=text):
                self.assertIsNone(conditional_clause(text))

    def test_a_line_reading_as_conditional_is_created_conditional(self):
        self.assertFalse(self.application_form.is_conditional)
        self.assertTrue(self.passport.is_conditional)
        self.assertEqual(self.passport.condition, "đối với người nước ngoài, người Việt Nam định cư ở nước ngoài")
        self.assertTrue(self.passport.is_required, "required of those it concerns")
        self.assertFalse(self.passport._is_enforced())

    def test_an_explicit_value_wins_over_the_text(self):
        Document = self.env["public_admin.procedure.document"]
        kept, precise = Document.create(
            [
                {"procedure_id": self.driving_licence.id, "name": PASSPORT, "is_conditional": False},
                {
                    "procedure_id": self.driving_licence.id,
                    "name": "Giấy khám sức khỏe",
                    "is_conditional": True,
                    "condition": "người lái xe hạng C trở lên",
                },
            ]
        )
        self.assertFalse(kept.is_conditional)
        self.assertFalse(kept.condition)
        self.assertEqual(precise.condition, "người lái xe hạng C trở lên")

    def test_procedure_form_marks_a_typed_line_conditional(self):
        with Form(self.driving_licence) as form:
            with form.document_ids.new() as line:
                line.name = "Giấy tờ chứng minh nơi cư trú (nếu có)"
                self.assertTrue(line.is_conditional)
                self.assertEqual(line.condition, "nếu có")

    def test_reception_does_not_require_a_conditional_document(self):
        dossier = self.create_dossier(procedure=self.driving_licence)
        line = dossier.document_ids.filtered(lambda d: d.procedure_document_id == self.passport)
        self.assertEqual((line.is_conditional, line.condition), (True, self.passport.condition))
        line.is_received = False  # a Vietnamese citizen has no passport to hand in
        dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.state, "received")

    def test_reception_still_requires_the_other_documents(self):
        dossier = self.create_dossier(procedure=self.driving_licence)
        dossier.document_ids.write({"is_received": False})
        with self.assertRaisesRegex(UserError, "Đơn đề nghị cấp lại giấy phép lái xe"):
            dossier.with_user(self.front_desk).action_receive()

    def test_backend_checklist_shows_the_condition(self):
        for model in ("public_admin.dossier", "public_admin.procedure"):
            with self.subTest(model=model):
                arch = self.env[model].with_user(self.front_desk).get_views([(False, "form")])["views"]["form"]["arch"]
                self.assertIn('name="is_conditional"', arch)
                self.assertIn('name="condition"', arch)


@tagged("post_install", "-at_install")
class TestConditionalDocumentsOnline(ConditionalChecklistMixin, PublicAdminPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_driving_licence()

    def test_online_submission_without_the_conditional_document(self):
        dossier = (
            self.env["public_admin.dossier"]
            .with_user(self.citizen)
            ._portal_submit(
                self.driving_licence,
                {"name": "Nguyễn Văn An", "phone": "0912 345 678"},
                {self.application_form.id: [("don.pdf", PDF)]},
            )
        )
        self.assertEqual(dossier.state, "registered")
        passport_line = dossier.document_ids.filtered("is_conditional")
        self.assertFalse(passport_line.attachment_ids)

    def test_online_form_shows_the_condition_and_does_not_require_the_file(self):
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open(f"/my/dossiers/new/{self.driving_licence.id}").text
        self.assertIn("đối với người nước ngoài, người Việt Nam định cư ở nước ngoài", page)
        inputs = {i.get("name"): i for i in html.fromstring(page).xpath("//input[@type='file']")}
        self.assertEqual(inputs[f"document_{self.application_form.id}"].get("data-required"), "1")
        self.assertIsNone(inputs[f"document_{self.passport.id}"].get("data-required"))

        response = self.url_open(
            f"/my/dossiers/new/{self.driving_licence.id}",
            data={"csrf_token": self.csrf(), "name": "Nguyễn Văn An", "phone": "0912345678", "declaration": "1"},
            files={f"document_{self.application_form.id}": ("don.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        dossier = self.env["public_admin.dossier"].search([("procedure_id", "=", self.driving_licence.id)])
        self.assertEqual(dossier.state, "registered", "the passport of foreigners is not asked of a citizen")

    def test_public_procedure_page_shows_the_condition(self):
        page = self.url_open(self.driving_licence._get_public_url()).text
        self.assertIn("if applicable", page)
        self.assertIn("Condition: đối với người nước ngoài, người Việt Nam định cư ở nước ngoài", page)
