from odoo import models

# (column of the line, heading of the official form), in the order of the PDF.
XLSX_COLUMNS = [
    ("received_online", "Trực tuyến"),
    ("received_counter", "Trực tiếp"),
    ("received_postal", "Dịch vụ bưu chính"),
    ("carried_over", "Số kỳ trước chuyển qua"),
    ("resolved_total", "Đã giải quyết: tổng số"),
    ("resolved_early", "Trả trước hạn"),
    ("resolved_on_time", "Trả đúng hạn"),
    ("resolved_late", "Trả quá hạn"),
    ("in_progress_total", "Đang giải quyết: tổng số"),
    ("in_progress_within", "Trong hạn"),
    ("in_progress_overdue", "Quá hạn"),
    ("refused", "Từ chối"),
    ("withdrawn", "Đã rút"),
    ("stopped", "Dừng xử lý"),
    ("waiting_supplement", "Chờ bổ sung"),
    ("waiting_financial", "Chờ thực hiện nghĩa vụ tài chính"),
]


class ReportPublicAdminStatisticsXlsx(models.AbstractModel):
    """Form 06/VPCP/KSTT as an Excel workbook (OCA report_xlsx): the same lines as the PDF."""

    _name = "report.public_admin_centre.report_statistics_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Statistics report, form 06 (Excel)"

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "align": "center", "font_size": 12})
        header = workbook.add_format(
            {
                "bold": True,
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
                "bg_color": "#EEEEEE",
            }
        )
        cell = workbook.add_format({"border": 1})
        total_cell = workbook.add_format({"border": 1, "bold": True})
        headings = ["STT", "Đơn vị / Lĩnh vực / Thủ tục", "Số hồ sơ nhận giải quyết: tổng số"]
        headings += [heading for _column, heading in XLSX_COLUMNS]
        last = len(headings) - 1
        for report in reports:
            sheet = workbook.add_worksheet(f"{report.date_from:%d.%m.%Y}-{report.date_to:%d.%m.%Y}")
            sheet.write(0, last, "Biểu số 06/VPCP/KSTT", bold)
            sheet.merge_range(
                1,
                0,
                1,
                last,
                "TỔNG HỢP TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT",
                title,
            )
            sheet.merge_range(
                2,
                0,
                2,
                last,
                f"{report._unit_name()} - Kỳ báo cáo: từ ngày {report.date_from:%d/%m/%Y} "
                f"đến ngày {report.date_to:%d/%m/%Y}",
            )
            for column, heading in enumerate(headings):
                sheet.write(4, column, heading, header)
                sheet.set_column(column, column, 36 if column == 1 else 12)
            sheet.set_row(4, 45)
            for row, line in enumerate(report.line_ids, start=5):
                style = total_cell if line.is_total else cell
                sheet.write(row, 0, "" if line.is_total else row - 4, style)
                sheet.write(row, 1, "Tổng cộng" if line.is_total else line.name, style)
                sheet.write(row, 2, line.carried_over + line.received_total, style)
                for offset, (column, _heading) in enumerate(XLSX_COLUMNS, start=3):
                    sheet.write(row, offset, line[column], style)
            if report.carry_over_status == "mismatch":
                sheet.write(len(report.line_ids) + 6, 0, report.carry_over_message)
