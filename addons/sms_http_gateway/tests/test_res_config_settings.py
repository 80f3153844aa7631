from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import SmsHttpGatewayCase


@tagged("post_install", "-at_install")
class TestSmsHttpGatewaySettings(SmsHttpGatewayCase):
    def test_settings_store_the_gateway(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.sms_http_gateway_url = "https://sms.example.com/api/send"
            settings.sms_http_gateway_username = "shop"
            settings.sms_http_gateway_api_key = "secret"
            settings.sms_http_gateway_sender = "MYSHOP"
            settings.sms_http_gateway_timeout = 7
            settings.sms_http_gateway_max_retries = 4
            settings.sms_http_gateway_retry_delay = 2
        settings.record.execute()
        get_param = self.env["ir.config_parameter"].sudo().get_param
        self.assertEqual(get_param("sms_http_gateway.url"), "https://sms.example.com/api/send")
        self.assertEqual(get_param("sms_http_gateway.username"), "shop")
        self.assertEqual(get_param("sms_http_gateway.api_key"), "secret")
        self.assertEqual(get_param("sms_http_gateway.sender"), "MYSHOP")
        self.assertEqual(get_param("sms_http_gateway.timeout"), "7")
        self.assertEqual(get_param("sms_http_gateway.max_retries"), "4")
        self.assertEqual(get_param("sms_http_gateway.retry_delay"), "2")

    def test_settings_refuse_a_url_that_is_not_http(self):
        for url in ("sms.example.com", "ftp://sms.example.com/send", "https://"):
            with self.subTest(url=url), self.assertRaisesRegex(ValidationError, "http"):
                self.env["res.config.settings"].create({"sms_http_gateway_url": url})

    def test_settings_refuse_numbers_below_one(self):
        for field in ("sms_http_gateway_timeout", "sms_http_gateway_max_retries", "sms_http_gateway_retry_delay"):
            with self.subTest(field=field), self.assertRaisesRegex(ValidationError, "at least one"):
                self.env["res.config.settings"].create({field: 0})
