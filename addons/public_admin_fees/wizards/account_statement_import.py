from odoo import models
from odoo.exceptions import UserError


class AccountStatementImport(models.TransientModel):
    _inherit = "account.statement.import"

    def _parse_file(self, data_file):
        """A file no parser reads is refused with what the centre's banks send, and nothing is imported."""
        try:
            return super()._parse_file(data_file)
        except UserError as error:
            raise UserError(
                self.env._(
                    "This file is not a bank statement that can be read: use the CAMT.053 (XML) or OFX file of "
                    "your bank, or a spreadsheet in the layout chosen for the journal. Nothing was imported.\n"
                    "(%(detail)s)",
                    detail=error.args[0] if error.args else "",
                )
            ) from error
