from odoo import api, models


class PublicAdminIndicatorEngineFees(models.AbstractModel):
    """The online payment indicators of Decision 766 (P2, P3), measured on the fee receipts."""

    _inherit = "public_admin.indicator.engine"

    @api.model
    def _paid_online(self, period):
        """Dossiers with an online payment received in the period (receipt not cancelled)."""
        return [
            (
                "fee_receipt_ids",
                "any",
                [
                    ("payment_method", "=", "online"),
                    ("state", "=", "issued"),
                    ("date", ">=", period.start_utc),
                    ("date", "<", period.end_utc),
                ],
            )
        ]

    @api.model
    def _measure_p2(self, period):
        """Fee-bearing procedures with at least one online payment in the period, over the
        fee-bearing procedures in force."""
        fee_bearing = self._procedure_scope(period) + [("fee_ids", "!=", False)]
        paid = self.env["public_admin.dossier"]._read_group(
            period.agency_domain() + self._paid_online(period), ["procedure_id"], []
        )
        return self._ratio_of("public_admin.procedure", fee_bearing, [("id", "in", [p.id for (p,) in paid])])

    @api.model
    def _measure_p3(self, period):
        """Dossiers paid online over the dossiers received in the period with fees to pay."""
        with_obligation = self._received(period) + [("fee_amount_total", ">", 0)]
        return self._ratio_of(
            "public_admin.dossier",
            with_obligation,
            [("fee_receipt_ids", "any", [("payment_method", "=", "online"), ("state", "=", "issued")])],
        )
