import base64
import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from ..tools import mask_phone
from .common import PDF
from .test_portal import PublicAdminPortalCase


def without_csrf(html):
    """Page text without its per-request CSRF tokens, to compare two answers."""
    html = re.sub(r'name="csrf_token" value="[^"]*"', "", html)
    return re.sub(r'csrf_token: "[^"]*"', "", html)


@tagged("post_install", "-at_install")
class TestPublicCatalogue(PublicAdminPortalCase):
    """The catalogue of procedures anyone can browse without an account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Procedure = cls.env["public_admin.procedure"]
        cls.health_sector = cls.env["public_admin.sector"].create({"name": "Khám bệnh, chữa bệnh", "code": "G15-YT01"})
        cls.practice_licence = Procedure.create(
            {
                "code": "1.001907",
                "name": "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
                "sector_id": cls.health_sector.id,
                "agency_id": cls.health.id,
                "online_level": "full",
                "processing_time_legal": 20,
                "processing_time_unit": "working_day",
                "date_effective_from": "2020-01-01",
                "fee_text": "360.000 đồng/hồ sơ",
            }
        )
        cls.hidden = Procedure.create(
            {
                "code": "1.999001",
                "name": "Thủ tục nội bộ chưa công bố",
                "is_published": False,
                "sector_id": cls.sector.id,
                "date_effective_from": "2020-01-01",
            }
        )
        cls.expired = Procedure.create(
            {
                "code": "1.999002",
                "name": "Thủ tục đã hết hiệu lực",
                "sector_id": cls.sector.id,
                "date_effective_from": "2019-01-01",
                "date_effective_to": "2020-01-01",
            }
        )
        cls.archived = Procedure.create(
            {
                "code": "1.999003",
                "name": "Thủ tục đã lưu trữ",
                "active": False,
                "sector_id": cls.sector.id,
                "date_effective_from": "2020-01-01",
            }
        )
        cls.request_form = cls.procedure.document_ids[0]
        cls.request_form.write(
            {
                "template_file": base64.b64encode(PDF),
                "template_filename": "mau-don-de-nghi.pdf",
            }
        )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def test_catalogue_lists_published_procedures_in_force_only(self):
        response = self.url_open("/dich-vu-cong")
        self.assertEqual(response.status_code, 200)
        for procedure in (self.procedure, self.procedure_same_day, self.practice_licence):
            self.assertIn(procedure.name, response.text)
            self.assertIn(f'href="/dich-vu-cong/thu-tuc/{procedure.id}"', response.text)
        for procedure in (self.hidden, self.expired, self.archived):
            self.assertNotIn(procedure.name, response.text)
        self.assertIn('name="viewport"', response.text, "readable on a phone")

    def test_catalogue_search_by_words_sector_agency_and_online_level(self):
        response = self.url_open("/dich-vu-cong?search=giấy+phép+xây")
        self.assertIn(self.procedure.name, response.text)
        self.assertNotIn(self.practice_licence.name, response.text)
        response = self.url_open("/dich-vu-cong?search=1.001907")
        self.assertIn(self.practice_licence.name, response.text)
        self.assertNotIn(self.procedure.name, response.text)
        response = self.url_open(f"/dich-vu-cong?sector={self.health_sector.id}")
        self.assertIn(self.practice_licence.name, response.text)
        self.assertNotIn(self.procedure.name, response.text)
        response = self.url_open(f"/dich-vu-cong?agency={self.construction.id}")
        self.assertIn(self.procedure.name, response.text)
        self.assertIn(self.procedure_same_day.name, response.text)
        self.assertNotIn(self.practice_licence.name, response.text)
        response = self.url_open("/dich-vu-cong?online_level=full")
        self.assertIn(self.practice_licence.name, response.text)
        self.assertNotIn(self.procedure.name, response.text)
        response = self.url_open("/dich-vu-cong?search=không+có+thủ+tục+này")
        self.assertIn("No procedure matches your search", response.text)
        # Garbage filters are ignored rather than failing, and never reveal unpublished procedures.
        response = self.url_open("/dich-vu-cong?sector=abc&agency=-1&online_level=%3Cscript%3E&search=nội+bộ")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(self.hidden.name, response.text)

    def test_catalogue_pages_long_lists(self):
        self.env["public_admin.procedure"].create(
            [
                {
                    "code": f"9.{n:06d}",
                    "name": f"Thủ tục mẫu số {n:02d}",
                    "sector_id": self.sector.id,
                    "date_effective_from": "2020-01-01",
                }
                for n in range(25)
            ]
        )
        first = self.url_open("/dich-vu-cong?search=mẫu+số")
        self.assertIn("25 procedure(s) found", first.text)
        self.assertIn("/dich-vu-cong/page/2?search=", first.text)
        second = self.url_open("/dich-vu-cong/page/2?search=mẫu+số")
        self.assertEqual(second.status_code, 200)
        self.assertEqual(len(re.findall("o_public_admin_procedure_item", second.text)), 5)

    def test_procedure_page_shows_documents_time_fees_steps_and_where_to_submit(self):
        self.centre.partner_id = self.env["res.partner"].create(
            {
                "name": "Trung tâm Phục vụ hành chính công",
                "street": "01 Trần Phú",
                "city": "Nha Trang",
            }
        )
        response = self.url_open(self.procedure._get_public_url())
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(self.procedure.name, page)
        for line in self.procedure.document_ids:
            self.assertIn(line.name, page)
        self.assertIn(f'href="/dich-vu-cong/mau/{self.request_form.id}"', page)
        self.assertIn("15 working days", page, "the locally shortened time is the one applied")
        self.assertIn("(legal time: 20)", page)
        self.assertIn("Thẩm định hồ sơ", page, "the steps are listed")
        self.assertIn("01 Trần Phú", page, "where to hand in the dossier")
        self.assertIn(f'href="/my/dossiers/new/{self.procedure.id}"', page, "offered online")
        self.assertIn("No fee or charge is published", page)

    def test_fees_come_from_the_extension_point(self):
        response = self.url_open(self.practice_licence._get_public_url())
        self.assertIn("360.000 đồng/hồ sơ", response.text)
        Procedure = type(self.env["public_admin.procedure"])
        with patch.object(Procedure, "_public_fee_lines", lambda self: [("Lệ phí cấp phép", "75.000 đ")]):
            response = self.url_open(self.procedure._get_public_url())
        self.assertIn("Lệ phí cấp phép", response.text)
        self.assertIn("75.000 đ", response.text)

    def test_no_submit_online_button_when_the_procedure_is_not_offered_online(self):
        response = self.url_open(self.procedure_same_day._get_public_url())
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/my/dossiers/new/", response.text)
        self.assertEqual(
            self.url_open(f"/my/dossiers/new/{self.procedure_same_day.id}", allow_redirects=False).status_code,
            303,
            "login first",
        )
        self.authenticate("citizen_an", "citizen_an")
        self.assertEqual(self.url_open(f"/my/dossiers/new/{self.procedure_same_day.id}").status_code, 404)

    def test_submit_online_asks_to_sign_in_first(self):
        response = self.url_open(f"/my/dossiers/new/{self.procedure.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        location = response.headers["Location"]
        self.assertIn("/web/login", location)
        self.assertIn(f"redirect=%2Fmy%2Fdossiers%2Fnew%2F{self.procedure.id}", location)

    def test_unpublished_expired_archived_or_unknown_procedures_are_not_found(self):
        for procedure_id in (self.hidden.id, self.expired.id, self.archived.id, 999999):
            response = self.url_open(f"/dich-vu-cong/thu-tuc/{procedure_id}")
            self.assertEqual(response.status_code, 404, procedure_id)
        self.assertNotIn(self.hidden.name, self.url_open(f"/dich-vu-cong/thu-tuc/{self.hidden.id}").text)

    def test_document_templates_download_for_published_procedures_only(self):
        response = self.url_open(f"/dich-vu-cong/mau/{self.request_form.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PDF)
        self.assertIn("mau-don-de-nghi.pdf", response.headers["Content-Disposition"])
        self.assertEqual(
            self.url_open(f"/dich-vu-cong/mau/{self.procedure.document_ids[1].id}").status_code,
            404,
            "a line without a template",
        )
        hidden_line = self.env["public_admin.procedure.document"].create(
            {
                "procedure_id": self.hidden.id,
                "name": "Mẫu nội bộ",
                "template_file": base64.b64encode(PDF),
                "template_filename": "noi-bo.pdf",
            }
        )
        response = self.url_open(f"/dich-vu-cong/mau/{hidden_line.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotEqual(response.content, PDF)


@tagged("post_install", "-at_install")
class TestPublicStatusLookup(PublicAdminPortalCase):
    """The status page reached with the dossier code and the phone's last digits, or the QR link."""

    def setUp(self):
        super().setUp()
        # The applicant's mobile is 0912 345 678: the second factor is 5678.
        self.dossier = self.dossier_of(self.applicant)
        self.authenticate(None, None)

    def lookup(self, code, digits):
        return self.url_open(
            "/tra-cuu-ho-so",
            data={
                "csrf_token": self.csrf(),
                "code": code,
                "phone_digits": digits,
            },
        )

    def test_lookup_by_code_and_phone_digits_shows_the_status_with_masked_data(self):
        self.dossier.with_user(self.front_desk).action_request_supplement("Thiếu chữ ký trên bản vẽ.")
        response = self.lookup(f"  {self.dossier.name} ", "5678")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(self.dossier.name, page)
        self.assertIn(self.procedure.name, page)
        self.assertIn("Supplement requested", page)
        self.assertIn("Thiếu chữ ký trên bản vẽ.", page, "what the citizen must do next")
        self.assertIn(self.dossier._format_local(self.dossier.date_received), page)
        self.assertIn(self.dossier._format_local(self.dossier.date_due), page)
        self.assertIn("N. V. An", page)
        self.assertIn(mask_phone(self.dossier.applicant_phone), page)
        self.assertEqual(mask_phone(self.dossier.applicant_phone), "091•••••••")
        self.assertNotIn("5678", page.replace(" ", ""), "the second factor is never shown")
        for secret in (
            "Nguyễn Văn An",
            "0912",
            "912345678",
            "an.nguyen@example.vn",
            "056090001234",
            "12 Trần Phú",
            self.front_desk.name,
        ):
            self.assertNotIn(secret, page, secret)
        self.assertEqual(response.headers.get("Cache-Control"), "no-store")

    def test_status_page_shows_the_steps_done_with_agency_and_date_not_officers(self):
        self.construction.user_ids = self.officer_construction
        self.dossier.with_user(self.officer_construction).action_start_step()
        self.dossier.with_user(self.officer_construction).action_finish_step()
        response = self.url_open(self.dossier._get_public_status_url())
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Thẩm định hồ sơ", page)
        self.assertIn("Sở Xây dựng", page)
        self.assertIn("Lấy ý kiến về môi trường", page, "the current step")
        done_step = self.dossier.step_ids.filtered(lambda s: s.name == "Thẩm định hồ sơ")
        self.assertIn(self.dossier._format_local(done_step.date_done), page)
        for officer in (self.officer_construction, self.front_desk, self.officer_environment):
            self.assertNotIn(officer.name, page)

    def test_status_shows_the_appointment_promised_by_an_apology(self):
        promised = self.dossier.date_due + timedelta(days=5)
        self.dossier.with_user(self.manager).action_apologize("Chờ ý kiến liên ngành", promised)
        response = self.url_open(self.dossier._get_public_status_url())
        self.assertIn(self.dossier._format_local(promised), response.text)
        self.assertIn("New appointment given in an apology letter", response.text)

    def test_status_tells_where_to_collect_a_finished_result(self):
        self.centre.partner_id = self.env["res.partner"].create(
            {
                "name": "Trung tâm Phục vụ hành chính công",
                "street": "01 Trần Phú",
                "city": "Nha Trang",
            }
        )
        self.dossier.sudo()._finish_processing()
        response = self.url_open(self.dossier._get_public_status_url())
        self.assertIn("Result ready", response.text)
        self.assertIn("01 Trần Phú", response.text)

    def test_wrong_digits_and_unknown_code_give_the_same_neutral_answer(self):
        wrong_digits = self.lookup(self.dossier.name, "0000")
        unknown_code = self.lookup("000.00.00.H56-991231-9999", "5678")
        self.assertEqual(wrong_digits.status_code, 404)
        self.assertEqual(unknown_code.status_code, wrong_digits.status_code)
        self.assertIn("No dossier matches this code and these digits", wrong_digits.text)
        # Same page but for the code typed back into the form.
        self.assertEqual(
            without_csrf(wrong_digits.text).replace(self.dossier.name, "CODE"),
            without_csrf(unknown_code.text).replace("000.00.00.H56-991231-9999", "CODE"),
        )
        for secret in ("N. V. An", mask_phone(self.dossier.applicant_phone), self.procedure.name):
            self.assertNotIn(secret, wrong_digits.text)

    def test_lookup_does_not_list_codes(self):
        other = self.dossier_of(self.applicant)
        for code in (
            "%",
            "%-%",
            "000.00.00.H56%",
            self.dossier.name[:-1] + "_",
            self.dossier.name[:-2],
            self.dossier.name.lower() + "%",
            "' OR '1'='1",
        ):
            response = self.lookup(code, "5678")
            self.assertEqual(response.status_code, 404, code)
            self.assertNotIn(self.dossier.name, response.text, code)
            self.assertNotIn(other.name, response.text, code)
            self.assertNotIn(self.procedure.name, response.text, code)
            self.env["public_admin.lookup.attempt"].search([]).unlink()
        self.assertEqual(
            self.lookup(self.dossier.name.lower(), "5678").status_code, 200, "a code typed in lower case is still found"
        )

    def test_malformed_second_factor_is_refused_without_looking_up(self):
        for digits in ("", "567", "56789", "abcd"):
            response = self.lookup(self.dossier.name, digits)
            self.assertEqual(response.status_code, 400, digits)
            self.assertIn("the last 4 digits of the phone number", response.text)
            self.assertNotIn(self.procedure.name, response.text)

    def test_lookup_by_the_qr_link(self):
        url = self.dossier._get_public_status_url()
        self.assertTrue(url.endswith(f"/tra-cuu-ho-so/{self.dossier.lookup_token}"))
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.dossier.name, response.text)
        self.assertEqual(response.headers.get("Referrer-Policy"), "no-referrer")
        registered = self.online_dossier(self.citizen)
        response = self.url_open(registered._get_public_status_url())
        self.assertEqual(response.status_code, 200, "an online dossier can be followed before reception")
        self.assertIn("Awaiting reception", response.text)

    def test_unknown_or_malformed_link_gives_the_neutral_answer(self):
        token = self.dossier.lookup_token
        for guess in (token[:-1] + ("0" if token[-1] != "0" else "1"), "0" * 32, token[:10], "%25", "x" * 200):
            response = self.url_open(f"/tra-cuu-ho-so/{guess}")
            self.assertEqual(response.status_code, 404, guess)
            self.assertIn("No dossier matches", response.text)
            self.assertNotIn(self.dossier.name, response.text)
            self.env["public_admin.lookup.attempt"].search([]).unlink()
        draft = self.create_dossier()
        self.assertEqual(
            self.url_open(f"/tra-cuu-ho-so/{draft.lookup_token}").status_code,
            404,
            "a dossier still being entered at the counter is not public",
        )

    def test_repeated_failures_are_slowed_down_per_client(self):
        Attempt = self.env["public_admin.lookup.attempt"]
        for _attempt in range(5):
            self.assertEqual(self.lookup(self.dossier.name, "1111").status_code, 404)
        self.assertEqual(Attempt.search_count([("ip_address", "=", "127.0.0.1")]), 5)
        blocked = self.lookup(self.dossier.name, "5678")
        self.assertEqual(blocked.status_code, 429, "even the right answer waits")
        self.assertIn("Too many unsuccessful attempts", blocked.text)
        self.assertNotIn(self.procedure.name, blocked.text)
        self.assertEqual(blocked.headers["Retry-After"], "900")
        self.assertEqual(
            self.url_open(self.dossier._get_public_status_url()).status_code, 429, "the QR link route is throttled too"
        )
        self.assertEqual(Attempt.search_count([]), 5, "blocked requests are not looked up at all")

        # Once the failures are older than the window, the client may try again.
        Attempt.search([]).write({"date_attempt": fields.Datetime.now() - timedelta(minutes=16)})
        self.assertEqual(self.lookup(self.dossier.name, "5678").status_code, 200)

    def test_other_clients_failures_do_not_block(self):
        Attempt = self.env["public_admin.lookup.attempt"]
        Attempt.create([{"ip_address": "203.0.113.7"} for _attempt in range(10)])
        self.assertTrue(Attempt._is_blocked("203.0.113.7"))
        self.assertFalse(Attempt._is_blocked("127.0.0.1"))
        self.assertEqual(self.lookup(self.dossier.name, "5678").status_code, 200)

    def test_throttle_limits_come_from_system_parameters(self):
        self.env["ir.config_parameter"].set_param("public_admin_centre.lookup_max_failures", "2")
        self.assertEqual(self.lookup("X-1", "1234").status_code, 404)
        self.assertEqual(self.lookup("X-2", "1234").status_code, 404)
        self.assertEqual(self.lookup(self.dossier.name, "5678").status_code, 429)

    def test_old_failures_are_forgotten_by_the_autovacuum(self):
        Attempt = self.env["public_admin.lookup.attempt"]
        old = Attempt.create({"ip_address": "198.51.100.1", "date_attempt": fields.Datetime.now() - timedelta(days=2)})
        recent = Attempt.create({"ip_address": "198.51.100.1"})
        Attempt._gc_lookup_attempts()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())

    def test_lookup_form_needs_its_csrf_token(self):
        response = self.url_open("/tra-cuu-ho-so", data={"code": self.dossier.name, "phone_digits": "5678"})
        self.assertEqual(response.status_code, 400)
        self.assertNotIn(self.procedure.name, response.text)
