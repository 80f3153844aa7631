from odoo import models

# One sheet per way of reading the ratings: (kind of rows, field grouped by, sheet name, heading).
SHEETS = [
    ("agency", "agency_id", "Theo cơ quan", "Cơ quan, đơn vị"),
    ("officer", "user_id", "Theo cán bộ", "Cán bộ, công chức"),
    ("counter", "counter_id", "Theo quầy", "Quầy"),
    ("agency", "procedure_id", "Theo thủ tục", "Thủ tục hành chính"),
]
LEVEL_HEADINGS = {"very_satisfied": "Rất hài lòng", "satisfied": "Hài lòng", "not_satisfied": "Không hài lòng"}
COLUMNS = [
    ("Số lượt đánh giá", 14),
    ("Rất hài lòng", 12),
    ("Hài lòng", 12),
    ("Không hài lòng", 14),
    ("Tỷ lệ hài lòng (%)", 14),
    ("Điểm trung bình (1-3)", 16),
]


class ReportPublicAdminSatisfactionXlsx(models.AbstractModel):
    """Satisfaction indices of the chosen ratings as an Excel workbook (OCA report_xlsx): one
    sheet per agency, officer, counter and procedure, and one per criterion. The figures come
    from the database's grouping, as in the pivot views."""

    _name = "report.public_admin_survey.report_satisfaction_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Satisfaction indices (Excel)"

    def generate_xlsx_report(self, workbook, data, attributions):
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
        cell = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True})
        number = workbook.add_format({"border": 1, "num_format": "0.0"})
        Attribution = self.env["public_admin.survey.attribution"]
        base = [("id", "in", attributions.ids), ("rating", "!=", False)]
        for kind, group_by, sheet_name, heading in SHEETS:
            sheet = workbook.add_worksheet(sheet_name)
            sheet.set_column(0, 0, 40)
            sheet.write(0, 0, heading, header)
            for column, (title, width) in enumerate(COLUMNS, start=1):
                sheet.set_column(column, column, width)
                sheet.write(0, column, title, header)
            sheet.freeze_panes(1, 1)
            groups = Attribution._read_group(
                [*base, ("kind", "=", kind)],
                [group_by],
                [
                    "__count",
                    "very_satisfied_count:sum",
                    "satisfied_count:sum",
                    "not_satisfied_count:sum",
                    "satisfied_rate:avg",
                    "score:avg",
                ],
            )
            for row, (record, count, very, satisfied, unhappy, rate, score) in enumerate(groups, start=1):
                sheet.write(row, 0, record.display_name or "", cell)
                sheet.write(row, 1, count, cell)
                sheet.write(row, 2, very, cell)
                sheet.write(row, 3, satisfied, cell)
                sheet.write(row, 4, unhappy, cell)
                sheet.write(row, 5, rate, number)
                sheet.write(row, 6, score, number)
        # Per criterion: the answers of the evaluations behind these ratings.
        sheet = workbook.add_worksheet("Theo tiêu chí")
        sheet.set_column(0, 0, 60)
        sheet.write(0, 0, "Tiêu chí", header)
        level_columns = list(LEVEL_HEADINGS)
        for column, level in enumerate(level_columns, start=1):
            sheet.set_column(column, column, 14)
            sheet.write(0, column, LEVEL_HEADINGS[level], header)
        sheet.write(0, len(level_columns) + 1, "Tỷ lệ hài lòng (%)", header)
        lines = self.env["survey.user_input.line"]._read_group(
            [("user_input_id", "in", attributions.user_input_id.ids), ("public_admin_level", "!=", False)],
            ["question_id", "public_admin_level"],
            ["__count"],
        )
        by_question = {}
        for question, level, count in lines:
            by_question.setdefault(question, {})[level] = count
        for row, question in enumerate(sorted(by_question, key=lambda q: (q.sequence, q.id)), start=1):
            counts = by_question[question]
            total = sum(counts.values())
            sheet.write(row, 0, question.title, cell)
            for column, level in enumerate(level_columns, start=1):
                sheet.write(row, column, counts.get(level, 0), cell)
            happy = counts.get("very_satisfied", 0) + counts.get("satisfied", 0)
            sheet.write(row, len(level_columns) + 1, 100.0 * happy / total if total else 0.0, number)
