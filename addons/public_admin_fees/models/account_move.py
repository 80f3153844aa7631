from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    public_admin_dossier_id = fields.Many2one(
        "public_admin.dossier", string="Dossier", index="btree_not_null", copy=False, readonly=True
    )

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reverses = super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)
        for move, reverse in zip(self, reverses, strict=False):
            if move.public_admin_dossier_id and not reverse.public_admin_dossier_id:
                reverse.public_admin_dossier_id = move.public_admin_dossier_id
        return reverses


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    public_admin_dossier_fee_id = fields.Many2one(
        "public_admin.dossier.fee", string="Dossier fee", index="btree_not_null", copy=True, readonly=True
    )
