from datetime import timedelta

from freezegun import freeze_time
from lxml import html

from odoo.tests import TransactionCase, tagged

from ..tools import looks_like_organisation, mask_name
from ..tools.fees import read_published_fees
from .test_portal import PublicAdminPortalCase


@tagged("post_install", "-at_install")
class TestMaskPeopleNotOrganisations(TransactionCase):
    def test_people_are_reduced_to_initials(self):
        self.assertEqual(mask_name("Nguyễn Văn An"), "N. V. An")
        self.assertEqual(mask_name("Lê Thị Hồng Nhung"), "L. T. H. Nhung")
        self.assertEqual(mask_name("An"), "An")
        self.assertEqual(mask_name(""), "")

    def test_organisations_stay_whole(self):
        for name in (
            "Công ty cổ phần Tư vấn pháp luật Trường An",
            "Công ty TNHH Xây dựng Hòa Bình",
            "Hợp tác xã Nông nghiệp Thành Công",
            "Chi nhánh Văn phòng công chứng Bình Minh",
            "Hộ kinh doanh Nguyễn Văn Bình",
            "Hoa Binh Construction JSC",
        ):
            with self.subTest(name=name):
                self.assertTrue(looks_like_organisation(name))
                self.assertEqual(mask_name(name), name)
        for name in ("Nguyễn Văn An", "Trương Thị Hội", "Công Thị Lan"):
            with self.subTest(name=name):
                self.assertFalse(looks_like_organisation(name))

    def test_the_record_decides_when_it_knows(self):
        self.assertEqual(mask_name("Tân Phát", is_organisation=True), "Tân Phát")
        self.assertEqual(mask_name("Công ty Tân Phát", is_organisation=False), "C. t. T. Phát")


@tagged("post_install", "-at_install")
class TestCitizenPages(PublicAdminPortalCase):
    """What a citizen sees on a phone: the status page, their account, the catalogue."""

    def status_page(self, dossier):
        self.authenticate(None, None)
        response = self.url_open(dossier._get_public_status_url())
        self.assertEqual(response.status_code, 200)
        return response.text

    # ------------------------------------------------------------------ masking
    def test_status_page_masks_a_person_but_not_a_company(self):
        person = self.dossier_of(self.applicant)
        company = self.dossier_of(self.company_partner)
        self.assertIn("N. V. An", self.status_page(person))
        page = self.status_page(company)
        self.assertIn("Công ty TNHH Xây dựng Hòa Bình", page)
        self.assertNotIn("C. T. X. D. H. Bình", page)

    def test_an_employee_filing_for_the_company_under_its_name_is_not_masked(self):
        dossier = self.dossier_of(self.employee_partner, applicant_name="Công ty TNHH Xây dựng Hòa Bình")
        self.assertTrue(dossier._public_applicant_is_organisation())
        self.assertIn("Công ty TNHH Xây dựng Hòa Bình", self.status_page(dossier))
        own = self.dossier_of(self.employee_partner)
        self.assertIn("L. V. Cường", self.status_page(own), "filing under their own name: a person")

    # ------------------------------------------------------------------ clock stopped
    def test_status_page_says_the_clock_is_stopped_and_why_then_gives_the_new_appointment(self):
        dossier = self.dossier_of(self.applicant)
        initial = dossier._format_local(dossier.date_due)
        dossier.with_user(self.front_desk).action_request_supplement("Bản vẽ thiếu chữ ký của chủ đầu tư.")
        page = self.status_page(dossier)
        tree = html.fromstring(page)
        stopped = tree.xpath("//dd[contains(@class, 'o_public_admin_clock_stopped')]")
        self.assertEqual(len(stopped), 1)
        text = " ".join(stopped[0].text_content().split())
        self.assertIn("Processing time stopped since", text)
        self.assertIn("Bản vẽ thiếu chữ ký của chủ đầu tư.", text)
        self.assertNotIn(initial, page, "the old appointment no longer holds")
        self.assertFalse(tree.xpath("//dd[contains(@class, 'o_public_admin_appointment')]"))

        with self.freeze_later(dossier, days=3):
            dossier.with_user(self.front_desk).action_resume()
        page = self.status_page(dossier)
        self.assertNotIn("Processing time stopped", page)
        appointment = html.fromstring(page).xpath("//dd[contains(@class, 'o_public_admin_appointment')]")[0]
        self.assertIn(dossier._format_local(dossier.date_due), appointment.text_content())
        self.assertNotEqual(dossier._format_local(dossier.date_due), initial)
        self.assertIn("Moved by the time the processing time was stopped", appointment.text_content())

    def test_portal_page_shows_the_clock_stop_too(self):
        dossier = self.dossier_of(self.applicant)
        dossier.with_user(self.front_desk).action_request_supplement("Thiếu giấy tờ đất.")
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open(f"/my/dossiers/{dossier.id}").text
        self.assertIn("o_public_admin_clock_stopped", page)
        self.assertIn("Thiếu giấy tờ đất.", page)

    def freeze_later(self, dossier, days):
        """The clock of the dossier's transitions ``days`` later."""
        return freeze_time(dossier.date_received + timedelta(days=days))

    # ------------------------------------------------------------------ account
    def test_account_home_flags_the_dossiers_waiting_for_the_citizen_first(self):
        waiting = self.dossier_of(self.applicant)
        waiting.with_user(self.front_desk).action_request_supplement("Thiếu bản vẽ.")
        quiet = self.dossier_of(self.applicant)
        self.dossier_of(self.other_partner).with_user(self.front_desk).action_request_supplement("Khác.")
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open("/my").text
        tree = html.fromstring(page)
        flagged = tree.xpath("//*[contains(@class, 'o_public_admin_waiting_dossier')]")
        self.assertEqual([" ".join(f.text_content().split()) for f in flagged][0].split()[:2], ["Supplement", "needed"])
        self.assertEqual(len(flagged), 1, "only the citizen's own dossier waiting for them")
        self.assertIn(waiting.name, flagged[0].text_content())
        self.assertNotIn(quiet.name, flagged[0].text_content())
        section = tree.xpath("//section[contains(@class, 'o_public_admin_waiting')]")[0]
        documents = tree.xpath("//div[contains(@class, 'o_portal_docs')]")[0]
        self.assertLess(page.index(html.tostring(section, encoding=str)[:40]), page.index("o_portal_docs"))
        self.assertIsNotNone(documents)

    def test_account_home_flags_nothing_when_nothing_waits(self):
        self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        self.assertNotIn("o_public_admin_waiting", self.url_open("/my").text)

    def test_my_dossiers_as_cards_on_a_phone_and_a_table_from_md(self):
        dossier = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        tree = html.fromstring(self.url_open("/my/dossiers").text)
        cards = tree.xpath("//ul[contains(@class, 'o_public_admin_dossier_cards')]")
        self.assertEqual(len(cards), 1)
        self.assertIn("d-md-none", cards[0].get("class"))
        card = " ".join(cards[0].text_content().split())
        for text in (dossier.name, self.procedure.name, "Received", dossier._format_local(dossier.date_due, False)):
            self.assertIn(text, card)
        table = tree.xpath("//table")[0]
        self.assertTrue(any("d-none d-md-block" in (el.get("class") or "") for el in table.iterancestors()))

    def test_online_submission_gets_a_reference_at_once_and_keeps_it_after_reception(self):
        with freeze_time(self.local(2026, 11, 23, 6, 30)):  # 22/11 in UTC: the reference has the local day
            dossier = self.online_dossier(self.citizen)
        self.assertRegex(dossier.online_reference, r"^TT-261123-\d{5}$")
        self.assertFalse(dossier.name, "the official code is given at reception")
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/my/dossiers/{dossier.id}?message=submitted")
        self.assertIn(f"Its reference is <strong>{dossier.online_reference}</strong>", response.text)
        self.assertIn(dossier.online_reference, self.url_open("/my/dossiers").text)

        reference = dossier.online_reference
        dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.online_reference, reference)
        self.assertIn(f"Submitted online as {reference}", self.url_open(f"/my/dossiers/{dossier.id}").text)
        self.assertEqual(
            self.env["public_admin.dossier"]._public_find_by_code(reference, "5678"),
            dossier,
            "the reference finds the dossier on the public status page too",
        )

    # ------------------------------------------------------------------ language and frame
    def test_public_pages_are_vietnamese_whatever_the_browser_says(self):
        self.authenticate(None, None)
        del self.opener.cookies["frontend_lang"]
        response = self.url_open("/dich-vu-cong", headers={"Accept-Language": "en-US,en;q=0.9"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.url.split("/", 3)[3], "dich-vu-cong", "not sent to /en/")
        self.assertIn('lang="vi-VN"', response.text)
        self.assertIn("Thủ tục hành chính", response.text)
        switch = html.fromstring(response.text).xpath("//*[contains(@class, 'o_public_admin_language_switch')]//a")
        self.assertEqual({a.get("data-lang") for a in switch}, {"vi_VN", "en_US"})
        english = next(a.get("href") for a in switch if a.get("data-lang") == "en_US")
        response = self.url_open(english)
        self.assertIn('lang="en-US"', response.text)
        self.assertIn("Administrative procedures", response.text)
        # The choice sticks for the next pages.
        self.assertIn('lang="en-US"', self.url_open("/tra-cuu-ho-so").text)

    def test_site_root_opens_the_catalogue(self):
        self.authenticate(None, None)
        response = self.url_open("/", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(response.headers["Location"].endswith("/dich-vu-cong"))
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open("/", allow_redirects=False)
        self.assertTrue(response.headers["Location"].endswith("/my"), "a signed-in citizen goes to their account")

    def test_pages_do_not_advertise_the_platform(self):
        self.authenticate(None, None)
        for url in ("/dich-vu-cong", "/tra-cuu-ho-so", "/web/login"):
            with self.subTest(url=url):
                page = self.url_open(url).text
                self.assertNotIn("Powered by", page)
                self.assertNotIn("odoo.com", page)
        self.authenticate("citizen_an", "citizen_an")
        for url in ("/my", "/my/dossiers"):
            with self.subTest(url=url):
                title = html.fromstring(self.url_open(url).text).findtext(".//title")
                self.assertNotIn("Odoo", title)

    def test_badges_are_readable(self):
        self.authenticate(None, None)
        tree = html.fromstring(self.url_open(self.procedure._get_public_url()).text)
        badges = tree.xpath("//span[contains(@class, 'badge')]")
        self.assertTrue(badges)
        for badge in badges:
            self.assertIn("o_public_admin_badge", badge.get("class"), "AA contrast and 14 px, not Bootstrap's 3:1")

    # ------------------------------------------------------------------ fees
    def test_published_fees_do_not_contradict_themselves(self):
        self.assertEqual(
            read_published_fees(
                "Miễn phí (Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. Trường hợp nộp trực tuyến: "
                "áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)"
            ),
            [
                (
                    "",
                    "Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. Trường hợp nộp trực tuyến: "
                    "áp dụng mức thu lệ phí là 115.000 đồng/lần cấp",
                    "",
                )
            ],
        )
        self.assertEqual(
            read_published_fees(
                "Dịch vụ bưu chính: Miễn phí; Trực tiếp: Miễn phí (Không có); Trực tuyến: Không có thông tin"
            ),
            [("", "Miễn phí", "")],
        )
        self.assertEqual(read_published_fees("10,000,000 Việt Nam Đồng"), [("", "10.000.000 đồng", "")])
        self.assertEqual(read_published_fees("3,500,000 Việt Nam Đồng (/hồ sơ)"), [("", "3.500.000 đồng/hồ sơ", "")])
        self.assertEqual(
            read_published_fees("Trực tiếp: 50.000 đồng; Trực tuyến: 25.000 đồng"),
            [("Trực tiếp", "50.000 đồng", ""), ("Trực tuyến", "25.000 đồng", "")],
        )
        self.assertEqual(read_published_fees("Không có thông tin"), [])

    def test_procedure_page_lists_fees_label_above_amount(self):
        self.procedure.fee_text = "Miễn phí (Lệ phí cấp giấy phép xây dựng: 75.000 đồng/giấy phép)"
        self.authenticate(None, None)
        tree = html.fromstring(self.url_open(self.procedure._get_public_url()).text)
        fees = tree.xpath("//section[@id='fees']")[0]
        self.assertFalse(fees.xpath(".//table"), "no two-column table squeezed on a phone")
        text = " ".join(fees.text_content().split())
        self.assertIn("Lệ phí cấp giấy phép xây dựng: 75.000 đồng/giấy phép", text)
        self.assertNotIn("Miễn phí", text)
