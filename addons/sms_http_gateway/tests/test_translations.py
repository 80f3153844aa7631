from odoo.tests import tagged

from .common import SmsHttpGatewayCase
from .translation_check import VietnameseTranslationChecks


@tagged("post_install", "-at_install")
class TestVietnameseTranslation(VietnameseTranslationChecks, SmsHttpGatewayCase):
    module = "sms_http_gateway"

    def test_gateway_answer_is_recorded_in_the_sender_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.gateway.status = 500
        # The web client sends the user's language in the context of every call.
        message = (
            self.customer.with_user(self.employee)
            .with_context(lang="vi_VN")
            ._message_sms("Đơn hàng S00042 đã được giao.", partner_ids=self.customer.ids)
        )
        self.assertTrue(
            self.sms_of(message).sms_http_gateway_failure_reason.startswith("Cổng SMS trả về mã HTTP 500"),
        )
