from odoo import models, tools

from ..tools import amount_to_words_vnd


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def amount_to_text(self, amount):
        """In Vietnamese, VND amounts as accountants write them (Odoo's reading capitalises every
        word, calls the unit “Dong” and reads 2 015 as “hai nghìn lẻ mười lăm”)."""
        self.ensure_one()
        if self.name == "VND" and tools.get_lang(self.env).code.startswith("vi"):
            return amount_to_words_vnd(int(tools.float_round(amount, precision_digits=0)))
        return super().amount_to_text(amount)
