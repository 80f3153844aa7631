import base64
import subprocess
from io import BytesIO
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time
from lxml import html

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.public_admin_centre.report.public_admin_dossier_forms import qr_code_png

from .common import PublicAdminCase, PublicAdminCommon

RECEIPT = "public_admin_centre.public_admin_dossier_report_receipt"
SUPPLEMENT = "public_admin_centre.public_admin_dossier_report_supplement"
REFUSAL = "public_admin_centre.public_admin_dossier_report_refusal"
APOLOGY = "public_admin_centre.public_admin_dossier_report_apology"
STOP = "public_admin_centre.public_admin_dossier_report_stop"
CONTROL_SHEET = "public_admin_centre.public_admin_dossier_report_control_sheet"
REGISTER = "public_admin_centre.public_admin_dossier_register_report"
REGISTER_XLSX = "public_admin_centre.public_admin_dossier_register_report_xlsx"


@tagged("post_install", "-at_install")
class TestStandardForms(PublicAdminCase):
    """The forms of the one-stop shop, printed from the dossiers' own history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre.partner_id = cls.env["res.partner"].create(
            {
                "name": "Trung tâm Phục vụ hành chính công",
                "street": "01 Trần Phú",
                "city": "Nha Trang",
            }
        )
        cls.centre.phone = "0258 3822 222"
        cls.province = cls.env["public_admin.agency"].create(
            {
                "name": "Ủy ban nhân dân tỉnh Khánh Hòa",
                "code": "000.00.00.H34",
                "calendar_id": cls.calendar.id,
            }
        )
        cls.centre.parent_id = cls.province

        # The building permit: received Monday 23/11/2026 09:00, appraised at the Department of
        # Construction (early), sent for a supplement while at the Department of Environment,
        # which answers on the day of its deadline (on time), approved a day late, returned.
        with freeze_time(cls.local(2026, 11, 23, 9, 0)):
            cls.dossier = cls._new_dossier()
            cls.dossier.with_user(cls.front_desk).action_receive()
        with freeze_time(cls.local(2026, 11, 23, 10, 0)):
            cls.dossier.with_user(cls.officer_construction).action_start_step()
        with freeze_time(cls.local(2026, 11, 24, 10, 0)):
            cls.dossier.with_user(cls.officer_construction).action_finish_step(note="Đủ điều kiện")
        cls.drawing = cls.dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng")
        cls.drawing.note = "Thiếu bản vẽ mặt cắt công trình"
        with freeze_time(cls.local(2026, 11, 25, 9, 0)):
            cls.dossier.with_user(cls.officer_environment).action_request_supplement(
                "Hồ sơ thiết kế chưa đủ để đánh giá tác động môi trường"
            )
        with freeze_time(cls.local(2026, 11, 26, 9, 0)):
            cls.dossier.with_user(cls.front_desk).action_resume()
        with freeze_time(cls.local(2026, 11, 26, 10, 0)):
            cls.dossier.with_user(cls.officer_environment).action_start_step()
        with freeze_time(cls.local(2026, 12, 10, 8, 0)):
            cls.dossier.with_user(cls.officer_environment).action_finish_step()
        with freeze_time(cls.local(2026, 12, 14, 10, 0)):
            cls.dossier.with_user(cls.head_construction).action_apologize(
                "Chờ ý kiến thẩm định của cơ quan phối hợp",
                cls.local(2026, 12, 17, 16, 0),
                agency=cls.construction,
            )
        with freeze_time(cls.local(2026, 12, 15, 10, 0)):
            cls.dossier.with_user(cls.head_construction).action_start_step()
            cls.dossier.with_user(cls.head_construction).action_finish_step()
        with freeze_time(cls.local(2026, 12, 16, 14, 0)):
            cls.dossier.with_user(cls.front_desk).action_return_at_counter()

        with freeze_time(cls.local(2026, 11, 25, 8, 0)):
            cls.refused = cls._new_dossier(summary="Cấp phép xây dựng nhà xưởng")
            cls.refused.with_user(cls.front_desk).action_receive()
            cls.refused.with_user(cls.front_desk).action_refuse("Công trình thuộc thẩm quyền cấp phép của Bộ Xây dựng")
        with freeze_time(cls.local(2026, 11, 26, 14, 0)):
            cls.stopped = cls._new_dossier(summary="Cải tạo nhà ở")
            cls.stopped.with_user(cls.front_desk).action_receive()
        with freeze_time(cls.local(2026, 11, 30, 15, 0)):
            cls.stopped.with_user(cls.manager).action_stop("Người nộp hồ sơ đề nghị dừng để điều chỉnh thiết kế")
        # Received at 06:30 on 1 December local time, still 30 November in UTC.
        with freeze_time(cls.local(2026, 12, 1, 6, 30)):
            cls.december = cls._new_dossier(summary="Xây nhà ở riêng lẻ 2 tầng")
            cls.december.with_user(cls.front_desk).action_receive()
        cls.draft = cls._new_dossier()

    @classmethod
    def _new_dossier(cls, **vals):
        dossier = cls.env["public_admin.dossier"].create(
            {
                "procedure_id": cls.procedure.id,
                "partner_id": cls.applicant.id,
                "receiving_agency_id": cls.centre.id,
                "summary": "Xây nhà ở riêng lẻ 3 tầng",
                **vals,
            }
        )
        dossier.document_ids.filtered("is_required").write({"is_received": True})
        return dossier

    # ------------------------------------------------------------------ helpers
    def render_html(self, report_ref, records, user=None):
        reports = self.env["ir.actions.report"].with_user(user or self.front_desk)
        content, _report_type = reports._render_qweb_html(report_ref, records.ids)
        return html.fromstring(content)

    def render_pdf(self, report_ref, records, user=None):
        """What the Print menu produces: in tests, the HTML Odoo would send to wkhtmltopdf."""
        reports = self.env["ir.actions.report"].with_user(user or self.front_desk)
        content, _report_type = reports._render_qweb_pdf(report_ref, records.ids)
        return html.fromstring(content)

    @staticmethod
    def text(node):
        return " ".join(node.text_content().split())

    def logs(self, dossier, form_type):
        return self.env["public_admin.dossier.form.log"].search(
            [("dossier_id", "=", dossier.id), ("form_type", "=", form_type)], order="id"
        )

    # ------------------------------------------------------------------ 1. receipt
    def test_receipt_shows_code_applicant_documents_and_local_times(self):
        page = self.text(self.render_html(RECEIPT, self.dossier))
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", page)
        self.assertIn("ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", page)
        self.assertIn("Nha Trang, ngày 23 tháng 11 năm 2026", page)
        self.assertIn("Mẫu số 01", page)
        self.assertIn("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", page)
        self.assertIn(f"Mã hồ sơ: {self.dossier.name}", page)
        self.assertIn("Tiếp nhận hồ sơ của: Nguyễn Văn An", page)
        self.assertIn("Địa chỉ: 12 Trần Phú", page)
        self.assertIn("Số điện thoại: +84912345678", page)
        self.assertIn("Email: an.nguyen@example.vn", page)
        self.assertIn(
            "Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng mới đối với công trình cấp II. "
            "Xây nhà ở riêng lẻ 3 tầng",
            page,
        )
        self.assertIn("20 ngày làm việc (thời gian giải quyết rút ngắn còn 15 ngày làm việc)", page)
        # Times in Ho Chi Minh City time; the appointment is the one given at reception.
        self.assertIn("Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23/11/2026", page)
        self.assertIn("Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 14/12/2026", page)
        self.assertIn("Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công, 01 Trần Phú", page)
        book, entry = self.dossier.register_number.split("/")
        self.assertIn(f"Quyển số: {book}, Số thứ tự: {entry}", page)
        self.assertIn("NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lê Thị Tiếp Nhận", page)

    def test_receipt_lists_the_documents_handed_in_with_kind_and_copies(self):
        root = self.render_html(RECEIPT, self.dossier)
        rows = [
            [self.text(cell) for cell in row.xpath("./td")] for row in root.xpath("//table[@class='pa-grid']/tbody/tr")
        ]
        self.assertEqual(
            rows,
            [
                ["1", "Đơn đề nghị cấp giấy phép xây dựng", "Bản chính", "1"],
                ["2", "Bản vẽ thiết kế xây dựng", "Bản chụp", "2"],
                ["3", "Giấy tờ về quyền sử dụng đất", "Bản sao chứng thực", "1"],
            ],
            "the optional photo that was not handed in is not on the receipt",
        )

    def test_receipt_qr_code_and_text_lead_to_the_public_status_page(self):
        url = self.dossier._get_public_status_url()
        self.assertIn(self.dossier.sudo().lookup_token, url)
        root = self.render_html(RECEIPT, self.dossier)
        image = root.xpath("//td[contains(@class, 'pa-qr')]//img")
        self.assertEqual(len(image), 1)
        self.assertTrue(image[0].get("src").startswith("data:image/png;base64,"))
        png = image[0].get("src").split(",", 1)[1]
        self.assertEqual(base64.b64decode(png)[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(png, qr_code_png(url), "the image is the QR code of the status URL")
        self.assertEqual(image[0].get("alt"), url)
        self.assertIn(f"Tra cứu tình trạng hồ sơ tại: {url}", self.text(root))

    def test_reprint_is_marked_copy_and_every_issue_is_logged(self):
        self.assertFalse(self.logs(self.dossier, "receipt"))
        preview = self.text(self.render_html(RECEIPT, self.dossier))
        self.assertNotIn("BẢN SAO", preview)
        self.assertFalse(self.logs(self.dossier, "receipt"), "the HTML preview issues nothing")

        first = self.render_pdf(RECEIPT, self.dossier)
        self.assertFalse(first.xpath("//*[contains(@class, 'pa-copy-mark')]"))
        second = self.render_pdf(RECEIPT, self.dossier, user=self.officer_construction)
        mark = second.xpath("//*[contains(@class, 'pa-copy-mark')]")
        self.assertEqual([self.text(node) for node in mark], ["BẢN SAO"])

        logs = self.logs(self.dossier, "receipt")
        self.assertEqual(logs.mapped("is_copy"), [False, True])
        self.assertEqual(logs.user_id, self.front_desk | self.officer_construction)
        self.assertTrue(all(log.date_issued for log in logs))
        # Another form of the same dossier is an original the first time.
        self.render_pdf(CONTROL_SHEET, self.dossier)
        self.assertEqual(self.logs(self.dossier, "control_sheet").mapped("is_copy"), [False])

    # ------------------------------------------------------------------ 2-5. other forms
    def test_supplement_request_lists_documents_to_fix_with_the_reason(self):
        root = self.render_html(SUPPLEMENT, self.dossier)
        page = self.text(root)
        self.assertIn("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", page)
        self.assertIn("Hồ sơ của: Nguyễn Văn An", page)
        self.assertIn(f"Mã hồ sơ: {self.dossier.name}", page)
        rows = [
            [self.text(cell) for cell in row.xpath("./td")] for row in root.xpath("//table[@class='pa-grid']/tbody/tr")
        ]
        self.assertEqual(
            rows,
            [["1", "Bản vẽ thiết kế xây dựng", "Bản chụp", "2", "Thiếu bản vẽ mặt cắt công trình"]],
        )
        self.assertIn("Lý do: Hồ sơ thiết kế chưa đủ để đánh giá tác động môi trường", page)
        self.assertIn(
            "liên hệ với Võ Thị Môi - Trung tâm Phục vụ hành chính công, số điện thoại 0258 3822 222",
            page,
        )
        self.assertIn("NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Võ Thị Môi", page)
        self.assertIn("Nha Trang, ngày 25 tháng 11 năm 2026", page)

    def test_refusal_gives_the_reason_to_the_applicant(self):
        page = self.text(self.render_html(REFUSAL, self.refused))
        self.assertIn("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", page)
        self.assertIn("Tiếp nhận hồ sơ của: Nguyễn Văn An", page)
        self.assertIn("Cấp phép xây dựng nhà xưởng", page)
        self.assertIn("Công trình thuộc thẩm quyền cấp phép của Bộ Xây dựng", page)
        self.assertIn("NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lê Thị Tiếp Nhận", page)

    def test_apology_names_late_agency_reason_and_new_appointment(self):
        page = self.text(self.render_html(APOLOGY, self.dossier))
        self.assertIn("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", page)
        self.assertIn("SỞ XÂY DỰNG", page, "the late agency issues the letter")
        self.assertIn("Kính gửi: Nguyễn Văn An", page)
        self.assertIn("Vào lúc 09 giờ 00 phút, ngày 23/11/2026", page)
        self.assertIn(f"Mã hồ sơ: {self.dossier.name}", page)
        # The appointment had moved by the day the clock stopped for the supplement.
        self.assertIn("Thời hẹn trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 15/12/2026", page)
        self.assertIn("Lý do: Chờ ý kiến thẩm định của cơ quan phối hợp", page)
        self.assertIn("Sở Xây dựng xin lỗi Ông/Bà", page)
        self.assertIn("vào lúc 16 giờ 00 phút, ngày 17/12/2026", page)
        self.assertIn("THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Phạm Trưởng Phòng", page)

    def test_stop_notice_gives_the_reason(self):
        page = self.text(self.render_html(STOP, self.stopped))
        self.assertIn("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", page)
        self.assertIn(f"Mã hồ sơ: {self.stopped.name}", page)
        self.assertIn("kể từ 15 giờ 00 phút, ngày 30/11/2026", page)
        self.assertIn("Người nộp hồ sơ đề nghị dừng để điều chỉnh thiết kế", page)

    # ------------------------------------------------------------------ 6. control sheet
    def test_control_sheet_has_one_row_per_handover_with_timeliness(self):
        steps = self.dossier.step_ids.sorted()
        self.assertEqual(steps.mapped("timeliness"), ["on_time", "early", "on_time", "late"])
        root = self.render_html(CONTROL_SHEET, self.dossier)
        page = self.text(root)
        self.assertIn("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", page)
        self.assertIn("Cơ quan (bộ phận) giải quyết hồ sơ: Sở Xây dựng", page)
        self.assertIn("Cơ quan phối hợp giải quyết hồ sơ: Sở Nông nghiệp và Môi trường", page)
        rows = [[self.text(cell) for cell in row.xpath("./td")] for row in root.xpath("//tr[@class='pa-handover']")]
        centre, construction = "Trung tâm Phục vụ hành chính công", "Sở Xây dựng"
        environment = "Sở Nông nghiệp và Môi trường"
        self.assertEqual(
            [row[1] for row in rows],
            [
                f"1. Giao: Nguyễn Văn An 2. Nhận: {centre} - Lê Thị Tiếp Nhận",
                f"1. Giao: {centre} - Lê Thị Tiếp Nhận 2. Nhận: {construction} - Trần Văn Xây",
                f"1. Giao: {construction} - Trần Văn Xây 2. Nhận: {environment} - Võ Thị Môi",
                f"1. Giao: {environment} - Võ Thị Môi 2. Nhận: {construction} - Phạm Trưởng Phòng",
                f"1. Giao: {centre} 2. Nhận: Nguyễn Văn An",
            ],
        )
        self.assertEqual(
            [row[2] for row in rows],
            [
                "09 giờ 00 phút, ngày 23/11/2026",
                "09 giờ 00 phút, ngày 23/11/2026",
                "10 giờ 00 phút, ngày 24/11/2026",
                "08 giờ 00 phút, ngày 10/12/2026",
                "14 giờ 00 phút, ngày 16/12/2026",
            ],
        )
        self.assertEqual([row[3] for row in rows], ["Đúng hạn", "Trước hạn", "Đúng hạn", "Quá hạn", "Quá hạn"])
        self.assertEqual(rows[1][4], "Đủ điều kiện")
        self.assertEqual(rows[-1][4], "Trả kết quả")

    # ------------------------------------------------------------------ guards
    def test_form_that_does_not_apply_to_the_dossier_is_refused(self):
        cases = [
            (RECEIPT, self.draft, "has not been received"),
            (CONTROL_SHEET, self.draft, "has not been received"),
            (REFUSAL, self.dossier, "was not refused"),
            (STOP, self.refused, "was not stopped"),
            (APOLOGY, self.refused, "No apology was recorded"),
            (SUPPLEMENT, self.stopped, "No supplement was requested"),
        ]
        for report_ref, dossier, message in cases:
            with self.subTest(report=report_ref), self.assertRaisesRegex(UserError, message):
                self.render_pdf(report_ref, dossier)
        self.assertFalse(
            self.env["public_admin.dossier.form.log"].search([("dossier_id", "in", (self.draft | self.refused).ids)]),
            "a refused print logs nothing",
        )

    def test_print_menu_offers_the_forms_on_dossiers(self):
        actions = self.env["ir.actions.actions"].with_user(self.front_desk)
        bound_ids = {binding["id"] for binding in actions.get_bindings("public_admin.dossier")["report"]}
        for report_ref in (RECEIPT, SUPPLEMENT, REFUSAL, APOLOGY, STOP, CONTROL_SHEET):
            self.assertIn(self.env.ref(report_ref).id, bound_ids, report_ref)
        self.assertNotIn(self.env.ref(REGISTER).id, bound_ids, "the register is printed from its wizard")

    # ------------------------------------------------------------------ 7. register
    def register_wizard(self, date_from, date_to, **vals):
        return (
            self.env["public_admin.dossier.register.wizard"]
            .with_user(self.front_desk)
            .create({"date_from": date_from, "date_to": date_to, **vals})
        )

    def test_register_lists_the_dossiers_received_in_the_local_period(self):
        november = self.register_wizard("2026-11-01", "2026-11-30")
        root = self.render_html(REGISTER, november)
        rows = [[self.text(cell) for cell in row.xpath("./td")] for row in root.xpath("//tr[@class='pa-register-row']")]
        self.assertEqual([row[1] for row in rows], [self.dossier.name, self.refused.name, self.stopped.name])
        self.assertEqual(
            rows[0],
            [
                "1",
                self.dossier.name,
                "Cấp giấy phép xây dựng mới đối với công trình cấp II",
                "1",
                "Nguyễn Văn An",
                "12 Trần Phú, Nha Trang, +84912345678",
                "Sở Xây dựng",
                "09:00 23/11/2026",
                "09:00 15/12/2026",
                "14:00 16/12/2026",
                "Lê Thị Tiếp Nhận",
            ],
        )
        page = self.text(root)
        self.assertIn("SỔ THEO DÕI HỒ SƠ", page)
        self.assertIn("Từ ngày 01/11/2026 đến ngày 30/11/2026", page)

        december = self.register_wizard("2026-12-01", "2026-12-31")
        root = self.render_html(REGISTER, december)
        codes = [self.text(row.xpath("./td")[1]) for row in root.xpath("//tr[@class='pa-register-row']")]
        self.assertEqual(codes, [self.december.name], "06:30 on 1 December is December, whatever UTC says")

    def test_register_of_a_unit_keeps_its_dossiers_only(self):
        wizard = self.register_wizard("2026-11-01", "2026-12-31", agency_id=self.health.id)
        self.assertFalse(wizard._register_rows())
        wizard.agency_id = self.construction
        self.assertEqual(len(wizard._register_rows()), 4, "the department leads every building permit")
        root = self.render_html(REGISTER, wizard)
        self.assertIn("SỞ XÂY DỰNG", self.text(root))

    def test_register_period_must_not_end_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "The period must start before it ends"):
            self.register_wizard("2026-12-01", "2026-11-30")

    def test_register_wizard_prints_the_pdf_register(self):
        wizard = self.register_wizard("2026-11-01", "2026-11-30")
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "public_admin_centre.report_dossier_register")
        self.assertEqual(action["context"]["active_ids"], wizard.ids)
        xlsx_action = wizard.action_export_xlsx()
        self.assertEqual(xlsx_action["report_type"], "xlsx")

    def test_register_excel_export_has_one_row_per_dossier(self):
        wizard = self.register_wizard("2026-11-01", "2026-11-30")
        content, report_type = (
            self.env["ir.actions.report"].with_user(self.front_desk)._render(REGISTER_XLSX, wizard.ids)
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(BytesIO(content)).active
        self.assertEqual(sheet["A1"].value, "SỔ THEO DÕI HỒ SƠ")
        self.assertEqual(sheet["B4"].value, "Mã hồ sơ")
        data = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        self.assertEqual([row[1] for row in data], [self.dossier.name, self.refused.name, self.stopped.name])
        self.assertEqual(
            data[0][:4],
            [1, self.dossier.name, "Cấp giấy phép xây dựng mới đối với công trình cấp II", 1],
        )
        self.assertEqual(
            data[0][7:],
            ["09:00 23/11/2026", "09:00 15/12/2026", "14:00 16/12/2026", "Lê Thị Tiếp Nhận"],
        )


class _BoundedPopen(subprocess.Popen):
    """Popen whose communicate() gives up after two minutes and kills the process."""

    def communicate(self, input=None, timeout=None):  # noqa: A002 - Popen's own signature
        try:
            return super().communicate(input, timeout=timeout or 120)
        except subprocess.TimeoutExpired:
            self.kill()
            raise


@tagged("post_install", "-at_install")
class TestStandardFormsPdf(PublicAdminCommon, HttpCase):
    """The receipt through wkhtmltopdf for real (Debian package ``wkhtmltopdf``).

    An HttpCase: wkhtmltopdf fetches the report's style sheets from the test server.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_public_admin_data()

    def test_receipt_prints_as_a_one_page_pdf_and_is_logged(self):
        dossier = self.create_dossier()
        dossier.with_user(self.front_desk).action_receive()
        # One request first: wkhtmltopdf fetches two style sheets at once, and the server's first
        # requests reading the addons' manifests in parallel can trip CPython 3.11.7's parser.
        self.url_open("/web/static/img/favicon.ico")
        reports = self.env["ir.actions.report"].with_user(self.front_desk).with_context(force_report_rendering=True)
        # A wkhtmltopdf stuck on the test server must fail this test, not hang the whole run.
        with patch.object(subprocess, "Popen", _BoundedPopen):
            content, report_type = reports._render_qweb_pdf(RECEIPT, dossier.ids)
        self.assertEqual(report_type, "pdf")
        reader = PdfFileReader(BytesIO(content))
        self.assertEqual(reader.getNumPages(), 1, "the slip fits on one A4 page")
        self.assertIn(dossier.name, reader.getPage(0).extractText())
        log = self.env["public_admin.dossier.form.log"].search([("dossier_id", "=", dossier.id)])
        self.assertEqual((log.form_type, log.is_copy, log.user_id), ("receipt", False, self.front_desk))
