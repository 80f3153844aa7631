from contextlib import contextmanager

from lxml import html

from odoo.tests import tagged
from odoo.tools import html2plaintext

from .test_portal import PublicAdminPortalCase

# The words citizens know from the national public service portal, one per state.
NATIONAL_PORTAL_WORDS = {
    "registered": "Chờ tiếp nhận",
    "received": "Đã tiếp nhận",
    "in_progress": "Đang xử lý",
    "supplement": "Chờ bổ sung",
    "financial": "Chờ thực hiện nghĩa vụ tài chính",
    "done": "Đã có kết quả",
    "returned": "Đã trả kết quả",
    "refused": "Từ chối",
    "withdrawn": "Đã rút",
    "stopped": "Dừng xử lý",
}
# The state each notification announces.
NOTIFIED = {"registered", "received", "supplement", "done", "returned", "refused", "stopped"}


@tagged("post_install", "-at_install")
class TestOneNamePerState(PublicAdminPortalCase):
    """A state has one name, the national portal's, in the backend, the portal, the public status
    page and the notifications."""

    page_lang = "vi_VN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.applicant.lang = "vi_VN"
        cls.citizen.lang = "vi_VN"
        cls.manager.lang = "vi_VN"

    # ------------------------------------------------------------------ one dossier per state
    def dossier_in(self, state):
        desk = self.manager
        if state == "registered":
            return self.online_dossier(self.citizen)
        dossier = self.dossier_of(self.applicant, received=state != "refused")
        if state == "in_progress":
            dossier.with_user(desk).action_start_step()
        elif state == "supplement":
            dossier.with_user(desk).action_request_supplement("Thiếu bản vẽ.")
        elif state == "financial":
            dossier.with_user(desk).action_await_financial()
        elif state in ("done", "returned"):
            dossier.sudo()._finish_processing()
            if state == "returned":
                dossier.with_user(desk).action_return_result()
        elif state == "refused":
            dossier.with_user(desk).action_refuse("Không thuộc thẩm quyền.")
        elif state == "withdrawn":
            dossier.with_user(desk).action_withdraw(reason="Người nộp rút hồ sơ.")
        elif state == "stopped":
            dossier.sudo().action_stop("Quá hạn bổ sung.")
        self.assertEqual(dossier.state, state)
        return dossier

    @contextmanager
    def notifications(self):
        """The email subjects and SMS texts sent to the applicant during the block."""
        sent = {"emails": [], "sms": []}
        last = max(self.env["mail.message"].sudo().search([], limit=1, order="id desc").ids or [0])
        yield sent
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("id", ">", last), ("model", "=", "public_admin.dossier")], order="id")
        )
        sent["emails"] = [html2plaintext(m.subject or "") for m in messages if m.message_type != "sms" and m.subject]
        sms = self.env["sms.sms"].sudo().search([("mail_message_id", "in", messages.ids)], order="id")
        sent["sms"] = sms.mapped("body")

    # ------------------------------------------------------------------ where a state is named
    def backend_label(self, state):
        # The web client sends the user's language with every call.
        Dossier = self.env["public_admin.dossier"].with_user(self.manager).with_context(lang=self.manager.lang)
        fields = Dossier.fields_get(["state"])
        return dict(fields["state"]["selection"])[state]

    def portal_words(self, dossier):
        self.authenticate("citizen_an", "citizen_an")
        page = html.fromstring(self.url_open(f"/my/dossiers/{dossier.id}").text)
        listing = html.fromstring(self.url_open("/my/dossiers").text)
        return {
            "portal badge": page.xpath("//span[contains(@class, 'o_public_admin_dossier_state')]")[0].text_content(),
            "portal next step": page.xpath("//*[contains(@class, 'o_public_admin_next_step')]/div")[0].text_content(),
            "portal list": listing.xpath(f"//li[.//a[@href='/my/dossiers/{dossier.id}']]//span[@data-state]")[
                0
            ].text_content(),
        }

    def status_words(self, dossier):
        self.authenticate(None, None)
        del self.opener.cookies["frontend_lang"]  # Vietnamese by default
        page = html.fromstring(self.url_open(dossier._get_public_status_url()).text)
        return {
            "status badge": page.xpath("//span[contains(@class, 'o_public_admin_dossier_state')]")[0].text_content(),
            "status next step": page.xpath("//*[contains(@class, 'o_public_admin_next_step')]/div")[0].text_content(),
        }

    def test_every_state_has_the_national_portal_name_everywhere(self):
        for state, word in NATIONAL_PORTAL_WORDS.items():
            with self.subTest(state=state):
                with self.notifications() as sent:
                    dossier = self.dossier_in(state)
                self.assertEqual(self.backend_label(state), word)
                self.assertEqual(dossier.with_context(lang="vi_VN")._state_label(), word)
                shown = {**self.portal_words(dossier), **self.status_words(dossier)}
                for place, text in shown.items():
                    self.assertEqual(" ".join(text.split()), word, place)
                if state in NOTIFIED:
                    self.assertTrue(sent["emails"] and sent["sms"], "the applicant is told")
                    self.assertIn(word, sent["emails"][-1])
                    self.assertIn(word, sent["sms"][-1])

    def test_the_timeline_names_the_states_reached_as_they_are_named_everywhere(self):
        dossier = self.online_dossier(self.citizen)
        dossier.with_user(self.front_desk).action_receive()
        dossier.with_user(self.front_desk).action_request_supplement("Thiếu bản vẽ.")
        labels = [event["label"] for event in dossier.with_context(lang="vi_VN")._portal_timeline()]
        self.assertEqual(labels[:3], ["Chờ tiếp nhận", "Đã tiếp nhận", "Chờ bổ sung"])
