from odoo.tests import TransactionCase, tagged

from odoo.addons.public_admin_centre.tests.translation_check import VietnameseTranslationChecks


@tagged("post_install", "-at_install")
class TestVietnameseTranslation(VietnameseTranslationChecks, TransactionCase):
    module = "public_admin_queue"
