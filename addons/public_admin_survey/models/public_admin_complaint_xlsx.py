from odoo import models

# Columns of the export: (field or key, heading, width in characters).
COLUMNS = [
    ("name", "Mã phản ánh, kiến nghị", 20),
    ("subject", "Nội dung tóm tắt", 40),
    ("category", "Phân loại", 22),
    ("agency", "Cơ quan xử lý", 28),
    ("state", "Trạng thái", 16),
    ("received", "Ngày tiếp nhận", 17),
    ("due", "Hạn trả lời", 17),
    ("answered", "Ngày trả lời", 17),
    ("timeliness", "Đúng hạn", 12),
    ("satisfaction", "Mức độ hài lòng", 16),
]


class ReportPublicAdminComplaintXlsx(models.AbstractModel):
    """The selected complaints and their indices as an Excel workbook (OCA report_xlsx).

    The sender's name and contacts are not exported: the workbook leaves the system.
    """

    _name = "report.public_admin_survey.report_complaint_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Complaints (Excel)"

    def generate_xlsx_report(self, workbook, data, complaints):
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "border": 1, "text_wrap": True, "bg_color": "#EEEEEE"})
        cell = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True})
        sheet = workbook.add_worksheet("PAKN")
        for column, (_key, heading, width) in enumerate(COLUMNS):
            sheet.set_column(column, column, width)
            sheet.write(0, column, heading, header)
        sheet.freeze_panes(1, 0)
        categories = dict(complaints._fields["category"]._description_selection(complaints.env))
        states = dict(complaints._fields["state"]._description_selection(complaints.env))
        satisfactions = dict(complaints._fields["satisfaction"]._description_selection(complaints.env))
        for row, complaint in enumerate(complaints, start=1):
            timeliness = ""
            if complaint.date_answered:
                timeliness = "Đúng hạn" if complaint.is_answered_on_time else "Quá hạn"
            elif complaint.is_overdue:
                timeliness = "Quá hạn"
            values = {
                "name": complaint.name,
                "subject": complaint.subject,
                "category": categories.get(complaint.category, ""),
                "agency": complaint.agency_id.name or "",
                "state": states.get(complaint.state, ""),
                "received": complaint._format_local(complaint.date_received),
                "due": complaint._format_local(complaint.date_due_answer),
                "answered": complaint._format_local(complaint.date_answered),
                "timeliness": timeliness,
                "satisfaction": satisfactions.get(complaint.satisfaction, ""),
            }
            for column, (key, _heading, _width) in enumerate(COLUMNS):
                sheet.write(row, column, values[key] or "", cell)
        # The indices of the selection, under the table.
        row = len(complaints) + 2
        summary = [
            ("Tổng số tiếp nhận", len(complaints)),
            ("Đã trả lời", len(complaints.filtered("date_answered"))),
            ("Trả lời đúng hạn", len(complaints.filtered("is_answered_on_time"))),
            (
                "Quá hạn",
                len(complaints.filtered(lambda c: c.is_overdue or (c.date_answered and not c.is_answered_on_time))),
            ),
        ] + [(label, len(complaints.filtered(lambda c, k=key: c.category == k))) for key, label in categories.items()]
        for offset, (label, value) in enumerate(summary):
            sheet.write(row + offset, 0, label, bold)
            sheet.write(row + offset, 1, value)
