from odoo import http
from odoo.tests import HttpCase, tagged

from .complaint_common import ComplaintCommon

CONTENT = (
    "Tôi là Nguyễn Văn An, ở 12 Trần Phú, SĐT 0912 345 678, email an.nguyen@example.vn, "
    "CCCD 056090001234. Bộ phận một cửa yêu cầu nộp bản sao giấy tờ không có trong danh mục."
)
PERSONAL = ("Nguyễn Văn An", "12 Trần Phú", "0912 345 678", "0912345678", "an.nguyen@example.vn", "056090001234")


class ComplaintHttpCommon(ComplaintCommon):
    page_lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_data()
        cls.setup_portal_users()
        cls.env["ir.config_parameter"].sudo().set_param("public_admin_survey.complaint_max_per_window", 100)

    def setUp(self):
        super().setUp()
        self.opener.cookies["frontend_lang"] = self.page_lang

    def authenticate(self, user, password, browser=None):
        session = super().authenticate(user, password, browser=browser)
        self.opener.cookies["frontend_lang"] = self.page_lang
        return session

    def csrf(self):
        return http.Request.csrf_token(self)

    def post(self, url, data):
        return self.url_open(url, data=dict(data, csrf_token=self.csrf()), allow_redirects=False)

    def portal_complaint(self, **vals):
        """A complaint the citizen An sent from the portal, assigned to Sở Xây dựng."""
        complaint = self.Complaint.with_user(self.citizen)._public_submit(
            {"subject": "Yêu cầu giấy tờ ngoài danh mục", "content": CONTENT, **vals}, partner=self.citizen.partner_id
        )
        complaint.with_user(self.manager).action_assign(self.construction)
        return complaint


@tagged("post_install", "-at_install")
class TestComplaintPages(ComplaintHttpCommon, HttpCase):
    def test_anonymous_visitor_sends_a_complaint_and_gets_its_reference(self):
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/phan-anh-kien-nghi").status_code, 200)
        response = self.post(
            "/phan-anh-kien-nghi",
            {
                "sender_name": "Lê Văn Khách",
                "sender_phone": "0935 111 222",
                "subject": "Thiếu ghế chờ",
                "content": "Khu vực chờ không đủ ghế ngồi vào buổi sáng.",
            },
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([("sender_phone", "=", "0935 111 222")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual((complaint.channel, complaint.state, complaint.partner_id.id), ("public", "received", False))
        self.assertIn(complaint.name, response.text)
        # Followed by reference and the last digits of the phone, then the secret link.
        response = self.post("/phan-anh-kien-nghi/tra-cuu", {"code": complaint.name, "contact": "1222"})
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/phan-anh-kien-nghi/{complaint.access_token}"))
        response = self.post("/phan-anh-kien-nghi/tra-cuu", {"code": complaint.name, "contact": "9999"})
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Thiếu ghế chờ", response.text)

    def test_robot_filling_the_hidden_field_stores_nothing(self):
        self.authenticate(None, None)
        before = self.Complaint.search_count([])
        response = self.post(
            "/phan-anh-kien-nghi",
            {"sender_name": "Bot", "sender_phone": "0935111222", "content": "Spam", "website_url": "http://spam"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Complaint.search_count([]), before)

    def test_the_form_is_throttled_per_connection(self):
        self.env["ir.config_parameter"].sudo().set_param("public_admin_survey.complaint_max_per_window", 2)
        self.authenticate(None, None)
        data = {"sender_name": "Lê Văn Khách", "sender_phone": "0935 111 222", "content": "Góp ý"}
        statuses = [self.post("/phan-anh-kien-nghi", data).status_code for _i in range(3)]
        self.assertEqual(statuses, [200, 200, 429])
        self.assertEqual(self.Complaint.search_count([("sender_phone", "=", "0935 111 222")]), 2)

    def test_oversized_content_is_refused(self):
        self.authenticate(None, None)
        response = self.post(
            "/phan-anh-kien-nghi", {"sender_name": "Khách", "sender_phone": "0935111222", "content": "x" * 5001}
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.Complaint.search_count([("sender_phone", "=", "0935111222")]))

    def test_citizen_sends_a_complaint_from_the_portal_about_their_dossier(self):
        dossier = self.received_dossier()
        self.authenticate("citizen_an", "citizen_an")
        self.assertEqual(self.url_open("/my/complaints/new").status_code, 200)
        response = self.post(
            "/my/complaints/new", {"content": "Hồ sơ bị yêu cầu bổ sung hai lần.", "dossier_code": dossier.name}
        )
        self.assertEqual(response.status_code, 303)
        complaint = self.Complaint.search([("partner_id", "=", self.citizen.partner_id.id)])
        self.assertEqual(
            (complaint.channel, complaint.dossier_id, complaint.sender_phone), ("portal", dossier, "0912 345 678")
        )
        self.assertIn(f"/my/complaints/{complaint.id}", response.headers["Location"])
        page = self.url_open(f"/my/complaints/{complaint.id}")
        self.assertIn(complaint.name, page.text)
        self.assertIn(complaint.name, self.url_open("/my/complaints").text)
        # The dossier of someone else is not found for this citizen.
        other = self.create_dossier(partner_id=self.other_partner.id)
        other.with_user(self.front_desk).action_receive()
        response = self.post("/my/complaints/new", {"content": "Hồ sơ của người khác", "dossier_code": other.name})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.Complaint.search_count([("partner_id", "=", self.citizen.partner_id.id)]), 1)

    def test_sender_rates_the_answer_on_the_portal_and_reopens_it(self):
        complaint = self.portal_complaint()
        complaint.with_user(self.officer_construction).action_answer(
            "Danh mục giấy tờ đã được niêm yết; đã nhắc nhở cán bộ."
        )
        self.authenticate("citizen_an", "citizen_an")
        self.assertIn("đã nhắc nhở cán bộ", self.url_open(f"/my/complaints/{complaint.id}").text)
        response = self.post(
            f"/my/complaints/{complaint.id}/danh-gia", {"satisfaction": "not_satisfied", "comment": "Chưa rõ"}
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            (complaint.state, complaint.satisfaction, complaint.is_repeated), ("in_progress", "not_satisfied", True)
        )

    def test_sender_sends_the_supplement_by_the_secret_link(self):
        complaint = self.portal_complaint()
        complaint.with_user(self.officer_construction).action_request_supplement("Cho biết ngày nộp hồ sơ")
        self.authenticate(None, None)
        url = f"/phan-anh-kien-nghi/{complaint.access_token}"
        self.assertIn("Cho biết ngày nộp hồ sơ", self.url_open(url).text)
        self.assertEqual(self.post(url + "/bo-sung", {"reply": ""}).status_code, 400)
        self.assertEqual(self.post(url + "/bo-sung", {"reply": "Ngày 01/09/2026"}).status_code, 303)
        self.assertEqual((complaint.state, complaint.supplement_reply), ("in_progress", "Ngày 01/09/2026"))

    def test_published_answers_show_no_personal_data(self):
        complaint = self.portal_complaint()
        complaint.with_user(self.officer_construction).action_answer(
            "Gửi ông Nguyễn Văn An (0912 345 678): chỉ nộp giấy tờ trong danh mục đã công bố."
        )
        complaint.with_user(self.manager).action_publish()
        self.authenticate(None, None)
        response = self.url_open("/phan-anh-kien-nghi/cong-khai")
        self.assertEqual(response.status_code, 200)
        self.assertIn("không có trong danh mục", response.text)
        self.assertIn("chỉ nộp giấy tờ trong danh mục đã công bố", response.text)
        for secret in PERSONAL:
            self.assertNotIn(secret, response.text)


@tagged("post_install", "-at_install")
class TestComplaintPagesInVietnamese(ComplaintHttpCommon, HttpCase):
    """Bad input gets a clear message in Vietnamese and stores nothing."""

    page_lang = "vi_VN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["public_admin_survey"], ["vi_VN"], overwrite=True)

    def assertRefused(self, data, message):
        before = self.Complaint.search_count([])
        response = self.post("/phan-anh-kien-nghi", data)
        self.assertEqual(response.status_code, 400)
        self.assertIn(message, response.text)
        self.assertEqual(self.Complaint.search_count([]), before)

    def test_bad_input_is_explained_in_vietnamese(self):
        self.authenticate(None, None)
        self.assertRefused(
            {"sender_name": "Khách", "sender_phone": "0935111222", "content": "   "},
            "Vui lòng nhập nội dung phản ánh, kiến nghị.",
        )
        self.assertRefused(
            {"sender_name": "Khách", "content": "Góp ý"},
            "Vui lòng cung cấp số điện thoại hoặc địa chỉ email để chúng tôi gửi câu trả lời.",
        )
        self.assertRefused(
            {
                "sender_name": "Khách",
                "sender_phone": "0935111222",
                "content": "Góp ý",
                "dossier_code": "000.00.99.H56-260101-9999",
            },
            "Không tìm thấy hồ sơ có mã 000.00.99.H56-260101-9999.",
        )
