from odoo import models

from .public_admin_dossier_forms import FORM_SET

# Columns of the register: (key of the row dict, heading, width in characters).
REGISTER_COLUMNS = [
    ("number", "STT", 5),
    ("code", "Mã hồ sơ", 26),
    ("procedure", "Tên thủ tục hành chính", 40),
    ("sets", "Số lượng hồ sơ (bộ)", 10),
    ("applicant", "Tên tổ chức, cá nhân", 26),
    ("contact", "Địa chỉ, số điện thoại", 34),
    ("lead_agency", "Cơ quan chủ trì giải quyết", 26),
    ("received", "Nhận hồ sơ", 17),
    ("appointment", "Hẹn trả kết quả", 17),
    ("returned", "Trả kết quả", 17),
    ("receiving_officer", "Người tiếp nhận", 22),
]


class ReportPublicAdminDossierRegisterXlsx(models.AbstractModel):
    """The dossier register of a period as an Excel workbook (OCA report_xlsx)."""

    _name = "report.public_admin_centre.report_dossier_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Dossier register (Excel)"

    def generate_xlsx_report(self, workbook, data, wizards):
        title_format = workbook.add_format({"bold": True, "font_size": 14, "align": "center"})
        period_format = workbook.add_format({"italic": True, "align": "center"})
        header_format = workbook.add_format(
            {
                "bold": True,
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
                "bg_color": "#EEEEEE",
            }
        )
        cell_format = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True})
        last_column = len(REGISTER_COLUMNS) - 1
        for wizard in wizards:
            sheet = workbook.add_worksheet(f"{wizard.date_from:%d.%m.%Y}-{wizard.date_to:%d.%m.%Y}")
            sheet.merge_range(0, 0, 0, last_column, FORM_SET["register"]["title"], title_format)
            unit = wizard.agency_id.name or wizard.env.company.name
            sheet.merge_range(
                1,
                0,
                1,
                last_column,
                f"{unit} - Từ ngày {wizard.date_from:%d/%m/%Y} đến ngày {wizard.date_to:%d/%m/%Y}",
                period_format,
            )
            header_row = 3
            for column, (_key, heading, width) in enumerate(REGISTER_COLUMNS):
                sheet.set_column(column, column, width)
                sheet.write(header_row, column, heading, header_format)
            sheet.freeze_panes(header_row + 1, 0)
            for offset, row in enumerate(wizard._register_rows(), start=1):
                for column, (key, _heading, _width) in enumerate(REGISTER_COLUMNS):
                    sheet.write(header_row + offset, column, row[key], cell_format)
