from odoo import models

from ..wizards.public_admin_fee_report_wizard import MEASURES


class PublicAdminFeeReportXlsx(models.AbstractModel):
    _name = "report.public_admin_fees.fee_report_xlsx"
    _description = "Fees and charges report, Excel"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0"})
        money_bold = workbook.add_format({"num_format": "#,##0", "bold": True})
        for wizard in wizards:
            sheet = workbook.add_worksheet(self.env._("Fees and charges")[:31])
            sheet.write(0, 0, self.env._("Fees and charges collected"), bold)
            sheet.write(
                1,
                0,
                self.env._(
                    "From %(start)s to %(end)s",
                    start=wizard.date_from.strftime("%d/%m/%Y"),
                    end=wizard.date_to.strftime("%d/%m/%Y"),
                ),
            )
            headers = [
                self.env._("Agency"),
                self.env._("Procedure"),
                self.env._("Treasury account"),
                self.env._("Kind"),
                self.env._("Collected"),
                self.env._("Refunded"),
                self.env._("Net collected"),
                self.env._("Retained"),
                self.env._("To remit to the budget"),
            ]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            rows, totals = wizard._rows()
            row_index = 4
            for row in rows:
                sheet.write(row_index, 0, row["agency"].display_name or "")
                sheet.write(row_index, 1, row["procedure"].display_name or "")
                sheet.write(row_index, 2, row["treasury_account"])
                sheet.write(row_index, 3, wizard._fee_type_label(row["fee_type"]))
                for offset, measure in enumerate(MEASURES):
                    sheet.write_number(row_index, 4 + offset, row[measure], money)
                row_index += 1
            sheet.write(row_index, 0, self.env._("Total"), bold)
            for offset, measure in enumerate(MEASURES):
                sheet.write_number(row_index, 4 + offset, totals[measure], money_bold)
            sheet.set_column(0, 1, 40)
            sheet.set_column(2, 3, 18)
            sheet.set_column(4, 8, 16)
