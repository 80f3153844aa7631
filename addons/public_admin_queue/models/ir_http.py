from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # The kiosk, display and ticket screens are frontend components: their words in Vietnamese.
        return [*super()._get_translation_frontend_modules_name(), "public_admin_queue"]
