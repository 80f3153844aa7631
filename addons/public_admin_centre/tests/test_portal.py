from odoo import Command, http
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import EXE, JPEG, PDF, PublicAdminCommon


class PublicAdminPortalCase(PublicAdminCommon, HttpCase):
    """Citizens and a business with portal accounts, on top of the suite's agencies and procedures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_public_admin_data()
        cls.setup_portal_users()

    # ------------------------------------------------------------------ helpers
    def csrf(self):
        return http.Request.csrf_token(self)

    def attach(self, dossier, document, name="scan.pdf", data=PDF):
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": data,
                "res_model": "public_admin.dossier",
                "res_id": dossier.id,
            }
        )
        document.attachment_ids = [Command.link(attachment.id)]
        return attachment

    def dossier_of(self, partner, received=True, **vals):
        dossier = self.create_dossier(partner_id=partner.id, **vals)
        if received:
            dossier.with_user(self.front_desk).action_receive()
        return dossier

    def online_dossier(self, user, procedure=None):
        """A dossier the user registered online with a file on every required line."""
        procedure = procedure or self.procedure
        files = {line.id: [(f"{line.id}.pdf", PDF)] for line in procedure.document_ids if line.is_required}
        return (
            self.env["public_admin.dossier"]
            .with_user(user)
            ._portal_submit(
                procedure,
                {"name": user.partner_id.name, "phone": user.partner_id.mobile, "email": user.partner_id.email},
                files,
            )
        )

    def assertNotShown(self, response, *texts):
        for text in texts:
            self.assertNotIn(text, response.text)


@tagged("post_install", "-at_install")
class TestPortalDossiers(PublicAdminPortalCase):
    """ "My dossiers": what a logged-in applicant sees of their dossiers."""

    def test_home_counter_counts_own_dossiers(self):
        self.dossier_of(self.applicant)
        self.dossier_of(self.applicant, received=False)  # still a draft at the counter: not shown
        self.dossier_of(self.other_partner)
        self.authenticate("citizen_an", "citizen_an")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["dossier_count"]})
        self.assertEqual(counters["dossier_count"], 1)
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/dossiers"', home.text)
        self.assertIn('href="/dich-vu-cong"', home.text, "the catalogue is one click away")

    def test_list_shows_own_dossiers_with_counters_and_filters(self):
        in_process = self.dossier_of(self.applicant)
        waiting = self.dossier_of(self.applicant)
        waiting.with_user(self.front_desk).action_request_supplement("Bản vẽ thiếu chữ ký")
        others = self.dossier_of(self.other_partner)
        self.authenticate("citizen_an", "citizen_an")

        response = self.url_open("/my/dossiers")
        self.assertEqual(response.status_code, 200)
        self.assertIn(in_process.name, response.text)
        self.assertIn(waiting.name, response.text)
        self.assertNotIn(others.name, response.text)
        self.assertIn("Your action needed (1)", response.text)
        self.assertIn("All (2)", response.text)

        response = self.url_open("/my/dossiers?filterby=action")
        self.assertIn(waiting.name, response.text)
        self.assertNotIn(in_process.name, response.text)
        response = self.url_open("/my/dossiers?filterby=open&sortby=appointment")
        self.assertIn(in_process.name, response.text)
        self.assertNotIn(waiting.name, response.text)
        # Unknown filter or sort values fall back to the defaults instead of failing.
        response = self.url_open("/my/dossiers?filterby=nope&sortby=drop")
        self.assertEqual(response.status_code, 200)
        self.assertIn(in_process.name, response.text)

    def count_queries(self, url):
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def test_my_dossiers_list_does_not_query_per_dossier(self):
        for _dossier in range(2):
            self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        self.url_open("/my/dossiers")  # warm the caches
        few = self.count_queries("/my/dossiers")
        for _dossier in range(6):
            self.dossier_of(self.applicant)
        self.url_open("/my/dossiers")
        many = self.count_queries("/my/dossiers")
        self.assertLessEqual(many, few + 2, "eight dossiers cost the same queries as two")

    def test_business_account_sees_its_organisation_dossiers(self):
        colleague_dossier = self.dossier_of(self.colleague_partner)
        own = self.dossier_of(self.employee_partner)
        outsider = self.dossier_of(self.applicant)
        self.authenticate("hoabinh_cuong", "hoabinh_cuong")
        response = self.url_open("/my/dossiers")
        self.assertIn(colleague_dossier.name, response.text)
        self.assertIn(own.name, response.text)
        self.assertNotIn(outsider.name, response.text)
        page = self.url_open(f"/my/dossiers/{colleague_dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(colleague_dossier.name, page.text)

    def test_dossier_page_shows_code_appointment_timeline_documents_and_receipt(self):
        dossier = self.dossier_of(self.applicant)
        request_line = dossier.document_ids[0]
        attachment = self.attach(dossier, request_line, name="don-de-nghi.pdf")
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/my/dossiers/{dossier.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(dossier.name, response.text)
        self.assertIn(dossier._format_local(dossier.date_due), response.text, "the appointment is shown")
        self.assertIn(dossier._format_local(dossier.date_received), response.text)
        self.assertIn("Sở Xây dựng", response.text, "the agency holding the current step is shown")
        self.assertIn(request_line.name, response.text)
        self.assertIn(f"/my/dossiers/{dossier.id}/file/{attachment.id}", response.text)
        self.assertIn(f"/my/dossiers/{dossier.id}/form/receipt", response.text)
        self.assertIn('id="discussion"', response.text, "the chatter with the centre is there")
        self.assertNotShown(response, self.front_desk.name, "the officers stay anonymous")
        self.assertEqual(response.headers.get("Cache-Control"), "no-store")

    def test_owner_downloads_own_file(self):
        dossier = self.dossier_of(self.applicant)
        attachment = self.attach(dossier, dossier.document_ids[0], name="don-de-nghi.pdf")
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/my/dossiers/{dossier.id}/file/{attachment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PDF)
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_receipt_downloads_once_received(self):
        dossier = self.dossier_of(self.applicant)
        registered = self.online_dossier(self.citizen)
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/my/dossiers/{dossier.id}/receipt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # Tests render reports as HTML (no wkhtmltopdf): the receipt names its dossier.
        self.assertIn(dossier.name, response.text)
        self.assertIn("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", response.text)
        self.assertTrue(
            dossier.form_log_ids.filtered(lambda log: log.form_type == "receipt"),
            "a receipt downloaded from the portal is logged like any issued form",
        )
        # No receipt before reception; no internal form through the generic route.
        self.assertEqual(self.url_open(f"/my/dossiers/{registered.id}/receipt").status_code, 404)
        self.assertEqual(self.url_open(f"/my/dossiers/{dossier.id}/form/control_sheet").status_code, 404)

    def test_access_token_link_opens_the_dossier_without_login(self):
        dossier = self.dossier_of(self.applicant)
        token = dossier._portal_ensure_token()
        response = self.url_open(f"/my/dossiers/{dossier.id}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(dossier.name, response.text)
        response = self.url_open(f"/my/dossiers/{dossier.id}?access_token=not-the-token", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(dossier.name, response.text)


@tagged("post_install", "-at_install")
class TestPortalSupplementAndWithdrawal(PublicAdminPortalCase):
    """The applicant answers a supplement request and withdraws dossiers from the portal."""

    def test_supplement_upload_stores_files_and_asks_the_officer_to_resume(self):
        dossier = self.dossier_of(self.applicant)
        drawing = dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng")
        drawing.note = "Bản vẽ thiếu chữ ký của chủ đầu tư"
        dossier.with_user(self.front_desk).action_request_supplement("Thiếu chữ ký trên bản vẽ.")
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open(f"/my/dossiers/{dossier.id}")
        self.assertIn("Send the supplement", page.text)
        self.assertIn("Bản vẽ thiếu chữ ký của chủ đầu tư", page.text, "what is missing is shown")

        response = self.url_open(
            f"/my/dossiers/{dossier.id}/supplement",
            data={"csrf_token": self.csrf(), "message": "Gửi lại bản vẽ đã ký."},
            files=[
                (f"document_{drawing.id}", ("ban-ve-da-ky.pdf", PDF, "application/pdf")),
                ("other_files", ("anh-hien-trang.jpg", JPEG, "image/jpeg")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your supplement was sent", response.text)
        self.assertEqual(dossier.state, "supplement", "the officer checks the files before resuming")
        self.assertIn("ban-ve-da-ky.pdf", drawing.attachment_ids.mapped("name"))
        files = self.env["ir.attachment"].search([("res_model", "=", dossier._name), ("res_id", "=", dossier.id)])
        self.assertEqual(sorted(files.mapped("name")), ["anh-hien-trang.jpg", "ban-ve-da-ky.pdf"])
        message = dossier.message_ids.filtered(lambda m: "Supplement sent online" in (m.body or ""))
        self.assertEqual(message.author_id, self.applicant)
        self.assertIn("Gửi lại bản vẽ đã ký.", message.body)
        self.assertIn("ban-ve-da-ky.pdf", message.body)
        self.assertFalse(message.attachment_ids, "files stay on the dossier, out of the applicant's reach")
        activity = dossier.activity_ids.filtered(lambda a: "Supplement received online" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.front_desk, "the officer who asked is told")

        dossier.with_user(self.front_desk).action_resume()
        self.assertEqual(dossier.state, "received")

    def test_applicant_cannot_delete_what_was_handed_in(self):
        dossier = self.dossier_of(self.applicant)
        dossier.with_user(self.front_desk).action_request_supplement("Thiếu bản vẽ.")
        drawing = dossier.document_ids[1]
        self.authenticate("citizen_an", "citizen_an")
        self.url_open(
            f"/my/dossiers/{dossier.id}/supplement",
            data={"csrf_token": self.csrf()},
            files=[(f"document_{drawing.id}", ("ban-ve.pdf", PDF, "application/pdf"))],
        )
        attachment = drawing.attachment_ids
        self.assertTrue(attachment)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/mail/attachment/delete", {"attachment_id": attachment.id})
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/ir.attachment/unlink",
                {
                    "model": "ir.attachment",
                    "method": "unlink",
                    "args": [attachment.ids],
                    "kwargs": {},
                },
            )
        self.assertTrue(attachment.exists())
        self.assertEqual(drawing.attachment_ids, attachment)

    def test_supplement_with_a_wrong_file_saves_nothing(self):
        dossier = self.dossier_of(self.applicant)
        dossier.with_user(self.front_desk).action_request_supplement("Thiếu bản vẽ.")
        drawing = dossier.document_ids[1]
        messages_before = len(dossier.message_ids)
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(
            f"/my/dossiers/{dossier.id}/supplement",
            data={"csrf_token": self.csrf(), "message": "Gửi bổ sung"},
            files=[
                (f"document_{drawing.id}", ("ban-ve.pdf", PDF, "application/pdf")),
                ("other_files", ("setup.pdf", EXE, "application/pdf")),
            ],
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("is not a PDF, JPEG or PNG file", response.text)
        self.assertFalse(drawing.attachment_ids)
        self.assertFalse(
            self.env["ir.attachment"].search_count([("res_model", "=", dossier._name), ("res_id", "=", dossier.id)])
        )
        self.assertEqual(len(dossier.message_ids), messages_before)

    def test_supplement_only_while_requested(self):
        dossier = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        self.assertNotIn("Send the supplement", self.url_open(f"/my/dossiers/{dossier.id}").text)
        response = self.url_open(
            f"/my/dossiers/{dossier.id}/supplement",
            data={"csrf_token": self.csrf(), "message": "Gửi bổ sung"},
            files=[("other_files", ("ban-ve.pdf", PDF, "application/pdf"))],
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("is not waiting for a supplement", response.text)
        self.assertFalse(
            self.env["ir.attachment"].search_count([("res_model", "=", dossier._name), ("res_id", "=", dossier.id)])
        )

    def test_withdraw_asks_confirmation_then_closes_the_dossier(self):
        dossier = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        self.assertIn(f"/my/dossiers/{dossier.id}/withdraw", self.url_open(f"/my/dossiers/{dossier.id}").text)
        confirm_page = self.url_open(f"/my/dossiers/{dossier.id}/withdraw")
        self.assertEqual(confirm_page.status_code, 200)
        self.assertIn("I confirm that I withdraw this dossier", confirm_page.text)
        self.assertEqual(dossier.state, "received", "opening the confirmation changes nothing")

        response = self.url_open(
            f"/my/dossiers/{dossier.id}/withdraw", data={"csrf_token": self.csrf(), "reason": "Nộp nhầm thủ tục"}
        )
        self.assertEqual(response.status_code, 400, "the confirmation box must be ticked")
        self.assertEqual(dossier.state, "received")

        response = self.url_open(
            f"/my/dossiers/{dossier.id}/withdraw",
            data={"csrf_token": self.csrf(), "reason": "Nộp nhầm thủ tục", "confirm": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your dossier was withdrawn", response.text)
        self.assertEqual(dossier.state, "withdrawn")
        self.assertEqual(dossier.withdraw_reason, "Nộp nhầm thủ tục")

    def test_finished_dossier_cannot_be_withdrawn(self):
        dossier = self.dossier_of(self.applicant)
        dossier.with_user(self.front_desk).action_refuse("Không thuộc thẩm quyền")
        self.authenticate("citizen_an", "citizen_an")
        self.assertNotIn(f"/my/dossiers/{dossier.id}/withdraw", self.url_open(f"/my/dossiers/{dossier.id}").text)
        response = self.url_open(
            f"/my/dossiers/{dossier.id}/withdraw", data={"csrf_token": self.csrf(), "confirm": "1"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(dossier.state, "refused")

    def test_withdraw_without_csrf_token_is_refused(self):
        dossier = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/my/dossiers/{dossier.id}/withdraw", data={"confirm": "1"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(dossier.state, "received")


@tagged("post_install", "-at_install")
class TestPortalSecurity(PublicAdminPortalCase):
    """A portal user cannot see or touch another person's dossier or files."""

    def setUp(self):
        super().setUp()
        self.others = self.dossier_of(self.other_partner)
        self.others_file = self.attach(self.others, self.others.document_ids[0], name="so-do-dat-binh.pdf")
        self.mine = self.dossier_of(self.applicant)
        self.my_file = self.attach(self.mine, self.mine.document_ids[0], name="so-do-dat-an.pdf")
        self.authenticate("citizen_an", "citizen_an")

    def test_other_dossier_by_id_in_the_url(self):
        response = self.url_open(f"/my/dossiers/{self.others.id}", allow_redirects=False)
        self.assertIn(response.status_code, (303, 403, 404))
        self.assertNotIn(self.others.name, response.text)
        for path in ("receipt", "form/receipt", f"file/{self.others_file.id}", "withdraw"):
            response = self.url_open(f"/my/dossiers/{self.others.id}/{path}", allow_redirects=False)
            self.assertIn(response.status_code, (303, 403, 404), path)
            self.assertNotIn(self.others.name, response.text, path)
            self.assertNotEqual(response.content, PDF, path)
        response = self.url_open(
            f"/my/dossiers/{self.others.id}/withdraw",
            data={"csrf_token": self.csrf(), "confirm": "1"},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (303, 403, 404))
        self.assertEqual(self.others.state, "received")
        self.assertNotIn(self.others.name, self.url_open("/my/dossiers").text)

    def test_other_supplement_upload_is_refused(self):
        self.others.with_user(self.front_desk).action_request_supplement("Thiếu giấy tờ đất")
        response = self.url_open(
            f"/my/dossiers/{self.others.id}/supplement",
            data={"csrf_token": self.csrf(), "message": "xin chào"},
            files=[("other_files", ("a.pdf", PDF, "application/pdf"))],
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.others.document_ids.attachment_ids, self.others_file)

    def test_own_file_through_my_route_but_not_another_dossier_file_through_it(self):
        response = self.url_open(f"/my/dossiers/{self.mine.id}/file/{self.others_file.id}")
        self.assertEqual(response.status_code, 404, "a file must belong to the dossier of the URL")
        self.assertNotEqual(response.content, PDF)

    def test_other_attachment_by_web_content_url(self):
        for url in (
            f"/web/content/{self.others_file.id}",
            f"/web/content/{self.others_file.id}?download=true",
            f"/web/content/ir.attachment/{self.others_file.id}/datas",
        ):
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNotEqual(response.content, PDF, url)

    def test_json_rpc_reads_only_own_dossiers_and_writes_nothing(self):
        def call(model, method, *args, **kwargs):
            return self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )

        found = call("public_admin.dossier", "search_read", [], fields=["name", "applicant_name"])
        self.assertEqual([row["id"] for row in found], [self.mine.id])
        found = call("public_admin.dossier", "search_read", [("id", "=", self.others.id)], fields=["name"])
        self.assertEqual(found, [])
        with self.assertRaises(JsonRpcException) as error:
            call("public_admin.dossier", "read", [self.others.id], fields=["name", "applicant_phone"])
        self.assertIn("AccessError", str(error.exception))
        with self.assertRaises(JsonRpcException):
            call("public_admin.dossier", "write", [self.mine.id], {"applicant_name": "Kẻ giả mạo"})
        with self.assertRaises(JsonRpcException):
            call("public_admin.dossier", "write", [self.others.id], {"applicant_name": "Kẻ giả mạo"})
        with self.assertRaises(JsonRpcException):
            call("public_admin.dossier", "action_withdraw", [self.others.id])
        with self.assertRaises(JsonRpcException):
            call("public_admin.dossier", "action_withdraw", [self.mine.id])
        with self.assertRaises(JsonRpcException):
            call(
                "public_admin.dossier",
                "create",
                {
                    "procedure_id": self.procedure.id,
                    "partner_id": self.applicant.id,
                },
            )
        documents = call("public_admin.dossier.document", "search_read", [], fields=["dossier_id"])
        self.assertEqual({row["dossier_id"][0] for row in documents}, {self.mine.id})
        with self.assertRaises(JsonRpcException):
            call("ir.attachment", "read", [self.others_file.id], fields=["name", "datas"])
        with self.assertRaises(JsonRpcException):
            call("ir.attachment", "search_read", [("res_model", "=", "public_admin.dossier")], fields=["datas"])
        with self.assertRaises(JsonRpcException):
            call("public_admin.lookup.attempt", "search_read", [], fields=["ip_address"])
        self.assertEqual(self.others.applicant_name, "Trần Thị Bình")
        self.assertEqual(self.mine.state, "received")

    def test_lookup_token_is_not_readable_from_the_portal(self):
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/public_admin.dossier/read",
                {
                    "model": "public_admin.dossier",
                    "method": "read",
                    "args": [[self.mine.id]],
                    "kwargs": {"fields": ["lookup_token"]},
                },
            )

    def test_public_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open("/my/dossiers", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        response = self.url_open(f"/my/dossiers/{self.mine.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(self.mine.name, response.text)
        self.assertEqual(
            self.url_open(f"/my/dossiers/{self.mine.id}/file/{self.my_file.id}", allow_redirects=False).status_code, 303
        )


@tagged("post_install", "-at_install")
class TestPortalChatterUploads(PublicAdminPortalCase):
    """The paperclip of the dossier's chatter holds citizens to the rules of the upload forms."""

    def setUp(self):
        super().setUp()
        self.dossier = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")

    def upload(self, filename, data, mimetype="application/pdf"):
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": self.csrf(),
                "thread_id": self.dossier.id,
                "thread_model": "public_admin.dossier",
                "is_pending": "true",
                "token": self.dossier._portal_ensure_token(),
            },
            files={"ufile": (filename, data, mimetype)},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_citizen_attaches_a_pdf_in_the_chatter(self):
        result = self.upload("giay-uy-quyen.pdf", PDF)
        self.assertNotIn("error", result)
        attachment = self.env["ir.attachment"].search([("name", "=", "giay-uy-quyen.pdf")])
        self.assertEqual(attachment.raw, PDF)

    def test_citizen_cannot_attach_a_program_or_a_forged_name_in_the_chatter(self):
        before = self.env["ir.attachment"].search_count([])
        result = self.upload("huong-dan.pdf", EXE)
        self.assertIn("is not a PDF, JPEG or PNG file", result["error"])
        result = self.upload("to-khai.exe.pdf", PDF)
        self.assertIn("hides another type of file", result["error"])
        self.assertEqual(self.env["ir.attachment"].search_count([]), before, "nothing stored")

    def test_officers_attach_what_their_work_needs(self):
        self.authenticate(self.front_desk.login, self.front_desk.login)
        result = self.upload("bien-ban.docx", b"PK\x03\x04" + b"\x00" * 64, "application/octet-stream")
        self.assertNotIn("error", result)
