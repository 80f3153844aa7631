from odoo.tests import tagged

from .common import EXE, JPEG, PDF, PNG
from .test_portal import PublicAdminPortalCase


@tagged("post_install", "-at_install")
class TestOnlineSubmission(PublicAdminPortalCase):
    """A citizen submits a dossier online with its documents; the front desk takes it from there."""

    def setUp(self):
        super().setUp()
        self.lines = self.procedure.document_ids
        self.application, self.drawing, self.land, self.photo = self.lines  # the last one is optional
        self.authenticate("citizen_an", "citizen_an")

    def form_data(self, **overrides):
        data = {
            "csrf_token": self.csrf(),
            "name": "Nguyễn Văn An",
            "phone": "0912 345 678",
            "email": "an.nguyen@example.vn",
            "id_number": "056090001234",
            "address": "12 Trần Phú, Nha Trang",
            "summary": "Xây nhà ở riêng lẻ 3 tầng tại 12 Trần Phú",
            "declaration": "1",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def required_files(self, **replace):
        """One good file per required line; ``replace`` maps a line to other (name, content) pairs."""
        files = []
        for line, name, content in (
            (self.application, "don-de-nghi.pdf", PDF),
            (self.drawing, "ban-ve.png", PNG),
            (self.land, "so-do.jpg", JPEG),
        ):
            for filename, data in replace.get(line.name, [(name, content)]):
                files.append((f"document_{line.id}", (filename, data, "application/pdf")))
        return files

    def submit(self, data=None, files=None):
        return self.url_open(
            f"/my/dossiers/new/{self.procedure.id}",
            data=data or self.form_data(),
            files=files if files is not None else self.required_files(),
        )

    def counts(self):
        return (
            self.env["public_admin.dossier"].search_count([]),
            self.env["ir.attachment"].search_count([("res_model", "=", "public_admin.dossier")]),
        )

    def assertRefused(self, response, message, counts_before):
        self.assertEqual(response.status_code, 400)
        self.assertIn("Nothing was submitted", response.text)
        self.assertIn(message, response.text)
        self.assertEqual(self.counts(), counts_before, "no dossier and no file may be left behind")

    # ------------------------------------------------------------------ the form
    def test_form_is_prefilled_from_the_account(self):
        self.applicant.phone = False
        response = self.url_open(f"/my/dossiers/new/{self.procedure.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for value in (
            "Nguyễn Văn An",
            "0912 345 678",
            "an.nguyen@example.vn",
            "056090001234",
            "12 Trần Phú, Nha Trang",
        ):
            self.assertIn(f'value="{value}"', page, value)
        for line in self.lines:
            self.assertIn(f'name="document_{line.id}"', page)
            self.assertIn(line.name, page)
        self.assertIn('name="declaration"', page)
        self.assertIn("at most 10 MB", page)

    def test_procedure_must_be_offered_online_and_in_force(self):
        for procedure in (
            self.procedure_same_day,
            self.procedure.copy({"is_published": False, "code": "1.009972-draft"}),
        ):
            self.assertEqual(self.url_open(f"/my/dossiers/new/{procedure.id}").status_code, 404)
            response = self.url_open(f"/my/dossiers/new/{procedure.id}", data=self.form_data(), files=[])
            self.assertEqual(response.status_code, 404)
        self.assertEqual(self.url_open("/my/dossiers/new/999999").status_code, 404)

    # ------------------------------------------------------------------ success
    def test_submission_registers_the_dossier_online_with_its_files(self):
        response = self.submit()
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your dossier was submitted", response.text)
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        self.assertEqual(len(dossier), 1)
        self.assertTrue(response.url.endswith(f"/my/dossiers/{dossier.id}?message=submitted"))
        self.assertEqual(dossier.state, "registered")
        self.assertEqual(dossier.channel, "online")
        self.assertFalse(dossier.name, "the code is given at reception")
        self.assertTrue(dossier.date_registered)
        self.assertEqual(dossier.receiving_agency_id, self.centre)
        self.assertEqual(dossier.applicant_phone, "+84912345678")
        self.assertEqual(dossier.applicant_id_number, "056090001234")
        self.assertEqual(dossier.summary, "Xây nhà ở riêng lẻ 3 tầng tại 12 Trần Phú")
        by_line = {doc.procedure_document_id: doc for doc in dossier.document_ids}
        for line, name, mimetype in (
            (self.application, "don-de-nghi.pdf", "application/pdf"),
            (self.drawing, "ban-ve.png", "image/png"),
            (self.land, "so-do.jpg", "image/jpeg"),
        ):
            attachment = by_line[line].attachment_ids
            self.assertEqual(attachment.name, name)
            self.assertEqual(attachment.mimetype, mimetype, "the content decides the type")
            self.assertEqual((attachment.res_model, attachment.res_id), ("public_admin.dossier", dossier.id))
            self.assertTrue(by_line[line].is_received)
        self.assertFalse(by_line[self.photo].attachment_ids)
        self.assertFalse(by_line[self.photo].is_received)
        self.assertIn(self.applicant, dossier.message_partner_ids, "the applicant follows the dossier")

    def test_several_files_for_one_line(self):
        files = self.required_files(**{self.drawing.name: [("mat-bang.pdf", PDF), ("mat-dung.pdf", PDF)]})
        files.append((f"document_{self.photo.id}", ("anh.jpeg", JPEG, "image/jpeg")))
        self.assertEqual(self.submit(files=files).status_code, 200)
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        drawing = dossier.document_ids.filtered(lambda d: d.procedure_document_id == self.drawing)
        self.assertEqual(sorted(drawing.attachment_ids.mapped("name")), ["mat-bang.pdf", "mat-dung.pdf"])
        photo = dossier.document_ids.filtered(lambda d: d.procedure_document_id == self.photo)
        self.assertEqual(photo.attachment_ids.name, "anh.jpeg")

    def test_front_desk_receives_it_and_the_citizen_sees_code_and_appointment(self):
        self.submit()
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        page = self.url_open(f"/my/dossiers/{dossier.id}").text
        self.assertIn("Awaiting reception", page)
        self.assertNotIn(f"/my/dossiers/{dossier.id}/form/receipt", page)

        dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.state, "received")
        self.assertRegex(dossier.name, r"^000\.00\.00\.H56-\d{6}-\d{4}$")
        page = self.url_open(f"/my/dossiers/{dossier.id}").text
        self.assertIn(dossier.name, page)
        self.assertIn(dossier._format_local(dossier.date_due), page)
        self.assertIn(f"/my/dossiers/{dossier.id}/form/receipt", page)

    def test_front_desk_refuses_it_with_a_reason_the_citizen_reads(self):
        self.submit()
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        dossier.with_user(self.front_desk).action_refuse("Công trình thuộc thẩm quyền cấp huyện.")
        page = self.url_open(f"/my/dossiers/{dossier.id}").text
        self.assertIn("Refused", page)
        self.assertIn("Công trình thuộc thẩm quyền cấp huyện.", page)

    def test_dossier_without_required_documents_can_be_submitted(self):
        no_documents = self.procedure.copy({"code": "1.000001", "document_ids": []})
        response = self.url_open(f"/my/dossiers/new/{no_documents.id}", data=self.form_data(), files=[])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.env["public_admin.dossier"].search([("procedure_id", "=", no_documents.id)]).state, "registered"
        )

    # ------------------------------------------------------------------ refusals: nothing saved
    def test_missing_required_document_is_refused(self):
        before = self.counts()
        files = [f for f in self.required_files() if f[0] != f"document_{self.land.id}"]
        self.assertRefused(self.submit(files=files), f"Attach “{self.land.name}”: it is required.", before)

    def test_empty_file_input_does_not_count_as_a_document(self):
        before = self.counts()
        files = [f for f in self.required_files() if f[0] != f"document_{self.land.id}"]
        files.append((f"document_{self.land.id}", ("", b"", "application/octet-stream")))
        self.assertRefused(self.submit(files=files), f"Attach “{self.land.name}”", before)

    def test_executable_renamed_pdf_is_refused(self):
        before = self.counts()
        files = self.required_files(**{self.application.name: [("don-de-nghi.pdf", EXE)]})
        self.assertRefused(
            self.submit(files=files), "The file “don-de-nghi.pdf” is not a PDF, JPEG or PNG file", before
        )

    def test_text_file_named_png_is_refused(self):
        before = self.counts()
        files = self.required_files(**{self.drawing.name: [("ban-ve.png", "Bản vẽ: xem file đính kèm".encode())]})
        self.assertRefused(self.submit(files=files), "The file “ban-ve.png” is not a PDF, JPEG or PNG file", before)

    def test_html_or_svg_posing_as_an_image_is_refused(self):
        before = self.counts()
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        files = self.required_files(**{self.drawing.name: [("ban-ve.png", svg)]})
        self.assertRefused(self.submit(files=files), "is not a PDF, JPEG or PNG file", before)

    def test_too_large_file_is_refused(self):
        self.env["ir.config_parameter"].set_param("public_admin_centre.upload_max_mb", "0.5")
        before = self.counts()
        big = PDF + b"0" * (600 * 1024)
        files = self.required_files(**{self.drawing.name: [("ban-ve.pdf", big)]})
        self.assertRefused(self.submit(files=files), "The file “ban-ve.pdf” is too large: at most 0.5 MB", before)
        # Just under the limit passes.
        files = self.required_files(**{self.drawing.name: [("ban-ve.pdf", PDF + b"0" * (400 * 1024))]})
        self.assertEqual(self.submit(files=files).status_code, 200)

    def test_forged_double_extension_is_refused(self):
        for forged, content in (
            ("to-khai.pdf.exe", PDF),
            ("to-khai.exe.pdf", PDF),
            ("anh.php.jpg", JPEG),
            ("to-khai.pdf.html", PDF),
        ):
            before = self.counts()
            files = self.required_files(**{self.application.name: [(forged, content)]})
            response = self.submit(files=files)
            self.assertEqual(response.status_code, 400, forged)
            self.assertIn(forged, response.text)
            self.assertEqual(self.counts(), before, forged)

    def test_extension_must_match_the_content(self):
        before = self.counts()
        files = self.required_files(**{self.application.name: [("don-de-nghi.png", PDF)]})
        self.assertRefused(self.submit(files=files), "does not match its content (PDF)", before)

    def test_path_and_control_characters_are_stripped_from_names(self):
        files = self.required_files(
            **{
                self.application.name: [("../../etc/passwd.pdf", PDF)],
                self.drawing.name: [("C:\\Users\\an\\Desktop\\ban\x00-ve.png", PNG)],
                self.land.name: [("so-do", JPEG)],
            }
        )
        self.assertEqual(self.submit(files=files).status_code, 200)
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        names = sorted(dossier.document_ids.attachment_ids.mapped("name"))
        self.assertEqual(names, ["ban-ve.png", "passwd.pdf", "so-do.jpg"])

    def test_invalid_phone_or_citizen_id_is_refused(self):
        before = self.counts()
        self.assertRefused(
            self.submit(data=self.form_data(phone="12345")), "is not a valid Vietnamese phone number", before
        )
        self.assertRefused(
            self.submit(data=self.form_data(id_number="123")), "The citizen ID number “123” is not valid", before
        )
        self.assertRefused(self.submit(data=self.form_data(phone="")), "Give a phone number", before)
        self.assertRefused(self.submit(data=self.form_data(name="  ")), "Give the applicant&#39;s name", before)
        self.assertRefused(self.submit(data=self.form_data(email="an@")), "is not valid", before)

    def test_declaration_is_required(self):
        before = self.counts()
        self.assertRefused(self.submit(data=self.form_data(declaration=None)), "Tick the declaration", before)

    def test_several_problems_are_reported_together_and_values_kept(self):
        before = self.counts()
        files = [(f"document_{self.application.id}", ("a.pdf.exe", EXE, "application/octet-stream"))]
        response = self.submit(data=self.form_data(summary="Giữ lại nội dung này"), files=files)
        self.assertRefused(response, "is not a PDF, JPEG or PNG file", before)
        self.assertIn(f"Attach “{self.drawing.name}”", response.text)
        self.assertIn(f"Attach “{self.land.name}”", response.text)
        self.assertIn("Giữ lại nội dung này", response.text)

    def test_submission_needs_the_csrf_token(self):
        before = self.counts()
        response = self.submit(data=self.form_data(csrf_token=None))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.counts(), before)
