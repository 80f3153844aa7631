"""The catalogue import (issue 9): the national database's published catalogue, as the centre's
administrator imports it, row by row, in step with the national database."""

import base64
import csv
import io
import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import config, file_open

from ..cli.import_catalogue import import_catalogue
from .common import PublicAdminCase, PublicAdminCommon

SAMPLE_JSON = "public_admin_centre/tests/data/tthc_sample_clean.json"
SAMPLE_CSV = "public_admin_centre/tests/data/tthc_sample_clean.csv"
TEMPLATE_CSV = "public_admin_centre/static/import/procedure_import_sample.csv"
ALL_LEVELS = ("central", "province", "district", "commune", "other")
NATIONAL_COLUMNS = [
    "code",
    "name",
    "sector",
    "agency",
    "level",
    "processing_time_text",
    "fee_text",
    "online_level",
    "documents",
    "issuing_ministry",
    "decision_no",
    "source_url",
]


def read(path):
    with file_open(path, "rb") as data:
        return data.read()


def national_csv(rows):
    """A file in the national sample's columns; ``documents`` given as a list."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, NATIONAL_COLUMNS)
    writer.writeheader()
    for row in rows:
        row = dict(row)
        row["documents"] = json.dumps(row.get("documents", []), ensure_ascii=False)
        writer.writerow(row)
    return buffer.getvalue().encode()


def national_row(code, **values):
    row = {
        "code": code,
        "name": f"Thủ tục thử {code}",
        "sector": "Hoạt động xây dựng",
        "agency": "Sở Xây dựng",
        "level": "Cấp tỉnh",
        "processing_time_text": "15 Ngày làm việc",
        "fee_text": "Miễn phí",
        "online_level": "online_channel_listed",
        "documents": [{"name": "Đơn đề nghị theo mẫu", "copies": 1}],
        "issuing_ministry": "Bộ Xây dựng",
        "decision_no": "1/QĐ-BXD",
        "source_url": f"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{code}",
    }
    row.update(values)
    return row


class CatalogueImportCase(PublicAdminCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalogue_admin = new_test_user(
            cls.env,
            login="pa_catalogue_admin",
            groups="public_admin_centre.group_admin",
            name="Đinh Quản Trị",
        )

    def run_import(self, content, filename="catalogue.csv", levels=ALL_LEVELS, dry_run=False, **kwargs):
        engine = self.env["public_admin.catalogue.import"].with_user(self.catalogue_admin)
        return engine._run(content, filename, levels=levels, dry_run=dry_run, **kwargs)

    def current(self, code):
        return self.env["public_admin.procedure"].search([("code", "=", code), ("is_current", "=", True)])

    def snapshot(self):
        """What the import writes, as plain values: equal snapshots, same database."""
        Procedure = self.env["public_admin.procedure"].with_context(active_test=False)
        procedures = Procedure.search([], order="code, date_effective_from")
        return {
            "procedures": [
                (
                    p.code,
                    p.version,
                    p.date_effective_from,
                    p.date_effective_to,
                    p.name,
                    p.sector_id.id,
                    p.agency_id.id,
                    tuple(p.participating_agency_ids.ids),
                    p.processing_time_legal,
                    p.processing_time_status,
                    p.import_fingerprint,
                    tuple((d.name, d.copies, d.copy_type, d.is_required, d.note) for d in p.document_ids),
                    tuple((c.channel, c.amount, c.unit) for c in p.channel_time_ids),
                    p.checklist_note,
                )
                for p in procedures
            ],
            "agencies": sorted(self.env["public_admin.agency"].with_context(active_test=False).search([]).ids),
            "sectors": sorted(self.env["public_admin.sector"].with_context(active_test=False).search([]).ids),
        }


@tagged("post_install", "-at_install")
class TestCatalogueImportSample(CatalogueImportCase):
    """The shared sample of the national database (197 procedures) through the wizard."""

    def wizard(self, content, filename, **values):
        levels = {f"serve_{level}": values.get(f"serve_{level}", True) for level in ALL_LEVELS}
        return (
            self.env["public_admin.catalogue.import.wizard"]
            .with_user(self.catalogue_admin)
            .create({"file": base64.b64encode(content), "filename": filename, **levels})
        )

    def test_sample_in_full_through_the_wizard_previews_then_imports_every_row(self):
        before = self.snapshot()
        wizard = self.wizard(read(SAMPLE_JSON), "tthc_sample_clean.json")
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(
            (wizard.count_new, wizard.count_changed, wizard.count_unchanged, wizard.count_refused),
            (197, 0, 0, 0),
        )
        self.assertEqual(self.snapshot(), before, "the preview writes nothing")
        self.assertIn("o_pa_import_problem", wizard.report_html)
        self.assertTrue(wizard.report_file, "the report can be downloaded")

        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.count_new + wizard.count_refused + wizard.count_not_served, 197)
        self.assertEqual(wizard.count_refused, 0)
        with file_open(SAMPLE_JSON, "rb") as sample:
            codes = [entry["code"] for entry in json.loads(sample.read())]
        procedures = self.env["public_admin.procedure"].search([("code", "in", codes)])
        self.assertEqual(len(procedures), 197)
        self.assertEqual(
            procedures.filtered(
                lambda p: (
                    p.processing_time <= 0
                    and p.processing_time_unit != "same_day"
                    and p.processing_time_status != "needs_review"
                )
            ),
            procedures.browse(),
            "no procedure is counted with a processing time of 0",
        )
        report = base64.b64decode(wizard.report_file).decode("utf-8-sig")
        self.assertEqual(len({line[0] for line in csv.reader(io.StringIO(report)) if line[0].isdigit()}), 197)

    def test_sample_procedures_keep_every_agency_their_levels_and_their_notes(self):
        self.run_import(read(SAMPLE_JSON), "tthc_sample_clean.json")
        several = self.current("1.001294")  # "Bộ Công an, Bảo hiểm xã hội tỉnh, Cục Chính sách, Công an cấp Tỉnh"
        self.assertEqual(several.agency_id.name, "Bộ Công an")
        self.assertEqual(
            several.participating_agency_ids.mapped("name"),
            ["Bảo hiểm xã hội tỉnh", "Cục Chính sách", "Công an cấp Tỉnh"],
        )
        self.assertFalse(several.agency_id.code, "created from its name, code to complete")
        both = self.current("1.001061")
        self.assertEqual(both.published_levels, "Cấp bộ, Cấp tỉnh")
        self.assertEqual(both.level, "central", "the first level this (all-levels) import serves")
        self.assertEqual(self.current("1.008929").agency_id.name, "Ủy ban nhân dân cấp tỉnh")
        self.assertEqual(self.current("1.008929").participating_agency_ids.mapped("name"), ["Sở Tư pháp"])
        construction = self.current("1.002046")
        self.assertEqual(construction.agency_id, self.construction, "matched to the existing Sở Xây dựng")
        headings = self.current("1.000213")  # three "* Đối với trường hợp …:" headings, no document
        self.assertFalse(headings.document_ids)
        self.assertEqual(len(headings.checklist_note.splitlines()), 3)
        self.assertEqual(headings.decision_number, "1089/QĐ-NHNN")
        self.assertTrue(
            self.env["public_admin.procedure.document"].search_count([("template_name", "!=", False)]),
            "forms named by the national database are kept with their line",
        )

    def test_sample_days_without_kind_are_working_days_to_confirm(self):
        self.run_import(read(SAMPLE_JSON), "tthc_sample_clean.json")
        thirty = self.env["public_admin.procedure"].search([("processing_time_text", "=", "30 Ngày")])
        self.assertEqual(len(thirty), 8)
        self.assertEqual(set(thirty.mapped("processing_time_unit")), {"working_day"})
        self.assertEqual(set(thirty.mapped("processing_time_status")), {"to_confirm"})
        self.assertEqual(set(thirty.mapped("processing_time_issue")), {"days_unspecified"})
        review = self.env["public_admin.procedure"].search(
            [("processing_time_status", "in", ("to_confirm", "needs_review"))]
        )
        action = self.env.ref("public_admin_centre.public_admin_procedure_action_time_review")
        self.assertIn("search_default_time_to_confirm", action.context)
        self.assertGreaterEqual(len(review), 56, "the 56 “N Ngày” of the sample are listed to confirm")

    def test_importing_the_same_file_twice_gives_the_same_database(self):
        self.run_import(read(SAMPLE_JSON), "tthc_sample_clean.json")
        after_first = self.snapshot()
        plan = self.run_import(read(SAMPLE_JSON), "tthc_sample_clean.json")
        self.assertEqual(plan.counts()["unchanged"], 197)
        self.assertEqual(self.snapshot(), after_first)
        plan = self.run_import(read(SAMPLE_CSV), "tthc_sample_clean.csv")
        csv_snapshot = self.snapshot()
        plan = self.run_import(read(SAMPLE_CSV), "tthc_sample_clean.csv")
        self.assertEqual(plan.counts()["unchanged"], 197, "the CSV form as well")
        self.assertEqual(self.snapshot(), csv_snapshot)

    def test_a_centre_of_the_province_does_not_publish_ministry_procedures_as_its_own(self):
        plan = self.run_import(read(SAMPLE_JSON), "tthc_sample_clean.json", levels=("province", "commune"))
        counts = plan.counts()
        self.assertEqual(counts["not_served"], 92, "the 92 procedures published at ministry level only")
        self.assertEqual(counts["new"], 105)
        self.assertFalse(self.current("1.000095"), "Cấp bộ only: not imported")
        self.assertEqual(self.current("1.001061").level, "province", "Cấp bộ, Cấp tỉnh: the province's part")
        kinds = {kind for row in plan.rows for kind, _detail in row.problems}
        self.assertIn("level_not_served", kinds)


@tagged("post_install", "-at_install")
class TestCatalogueImportEdgeRows(CatalogueImportCase):
    """Hand-made rows for each case of the issue."""

    def test_unreadable_processing_time_leaves_the_procedure_to_review_never_zero_days(self):
        texts = ["1", "10-25", "Không quy định", "Chậm nhất là ngay trước khi tàu rời cảng", "", "0 Giờ"]
        rows = [national_row(f"9.1000{index}", processing_time_text=text) for index, text in enumerate(texts)]
        plan = self.run_import(national_csv(rows))
        self.assertEqual(plan.counts()["new"], len(texts))
        procedures = self.env["public_admin.procedure"].search([("code", "like", "9.1000")])
        self.assertEqual(set(procedures.mapped("processing_time_status")), {"needs_review"})
        self.assertEqual(set(procedures.mapped("processing_time_legal")), {0.0})
        review = self.env["public_admin.procedure"].search([("processing_time_status", "=", "needs_review")])
        self.assertEqual(review, procedures, "visible in the list of times to review")
        kinds = [kind for row in plan.rows for kind, _detail in row.problems]
        self.assertEqual(kinds.count("time_needs_review"), len(texts))

        procedure = procedures.filtered(lambda p: p.processing_time_text == "1")
        self.assertFalse(procedure._is_open_online(), "not offered online")
        dossier = self.create_dossier(procedure=procedure)
        with self.assertRaisesRegex(UserError, "no processing time yet"):
            dossier.with_user(self.front_desk).action_receive()
        with self.assertRaisesRegex(UserError, "cannot be submitted online yet"):
            self.env["public_admin.dossier"].with_user(self.front_desk)._portal_submit(
                procedure, {"name": "Nguyễn Văn An", "phone": "0912345678"}, {}
            )

        # A person sets its time: dossiers are received and due after that time.
        procedure.with_user(self.catalogue_admin).write(
            {"processing_time_legal": 10, "processing_time_unit": "working_day"}
        )
        self.assertEqual(procedure.processing_time_status, "confirmed")
        dossier.with_user(self.front_desk).action_receive()
        self.assertGreater(dossier.date_due, dossier.date_received + timedelta(days=10))

    def test_days_of_unspecified_kind_are_counted_as_working_days_and_flagged(self):
        self.run_import(national_csv([national_row("9.20001", processing_time_text="30 Ngày")]))
        procedure = self.current("9.20001")
        self.assertEqual(
            (procedure.processing_time_legal, procedure.processing_time_unit, procedure.processing_time_status),
            (30.0, "working_day", "to_confirm"),
        )
        self.assertEqual(procedure.processing_time_issue, "days_unspecified")
        self.assertTrue(procedure._is_open_online(), "counted: it takes dossiers")
        procedure.with_user(self.catalogue_admin).action_confirm_processing_time()
        self.assertEqual(procedure.processing_time_status, "confirmed")

    def test_times_per_channel_are_counted_per_channel(self):
        text = "Trực tuyến: 5 Ngày làm việc; Dịch vụ bưu chính: 20 Ngày làm việc; Trực tiếp: 20 Ngày làm việc"
        self.run_import(national_csv([national_row("9.30001", processing_time_text=text)]))
        procedure = self.current("9.30001")
        self.assertEqual(
            [(line.channel, line.amount, line.unit) for line in procedure.channel_time_ids],
            [("online", 5.0, "working_day"), ("postal", 20.0, "working_day"), ("counter", 20.0, "working_day")],
        )
        self.assertEqual(procedure._processing_time_for("online"), (5.0, "working_day"))
        self.assertEqual(procedure._processing_time_for("counter"), (20.0, "working_day"))
        counter = self.create_dossier(procedure=procedure)
        online = self.create_dossier(procedure=procedure, channel="online")
        (counter | online).with_user(self.front_desk).action_receive()
        self.assertLess(online.date_due, counter.date_due, "an online dossier counts the online time")

    def test_checklist_lines_that_are_not_documents_become_notes(self):
        documents = [
            {"name": "Số lượng hồ sơ: 01 bộ", "copies": 1},
            {"name": "Đơn đề nghị cấp phép", "copies": 1},
            {"name": "Trường hợp nộp trực tuyến thì scan bản chính các giấy tờ", "copies": 0},
            {"name": "Hồ sơ gồm:", "copies": 1},
            {"name": "Giấy ủy quyền (nếu có)", "copies": 1},
        ]
        self.run_import(national_csv([national_row("9.40001", documents=documents)]))
        procedure = self.current("9.40001")
        self.assertEqual(procedure.document_ids.mapped("name"), ["Đơn đề nghị cấp phép", "Giấy ủy quyền (nếu có)"])
        self.assertEqual(
            procedure.checklist_note.splitlines(),
            ["Số lượng hồ sơ: 01 bộ", "Trường hợp nộp trực tuyến thì scan bản chính các giấy tờ", "Hồ sơ gồm:"],
        )
        self.assertEqual(procedure.document_ids[1].note, "Hồ sơ gồm:", "a line keeps the heading it is under")

    def test_bad_rows_are_refused_with_a_reason_and_the_others_go_in(self):
        rows = [
            national_row("9.50001"),
            national_row("", name="Thủ tục không mã"),
            national_row("9.50002", name=""),
            national_row("9.50001", name="Trùng mã"),
            national_row("9.50003", online_level="mức độ 9"),
            national_row("9.50004"),
        ]
        plan = self.run_import(national_csv(rows))
        outcomes = {row.number: (row.outcome, [kind for kind, _detail in row.problems]) for row in plan.rows}
        self.assertEqual(outcomes[2][0], "new")
        self.assertEqual(outcomes[3], ("refused", ["missing_code"]))
        self.assertEqual(outcomes[4], ("refused", ["missing_name"]))
        self.assertEqual(outcomes[5], ("refused", ["duplicate_code"]))
        self.assertEqual(outcomes[6][0], "refused")
        self.assertIn("bad_online_level", outcomes[6][1])
        self.assertEqual(outcomes[7][0], "new")
        self.assertTrue(self.current("9.50001") and self.current("9.50004"))
        self.assertEqual(self.current("9.50001").name, "Thủ tục thử 9.50001", "the first row of a code is taken")
        groups = self.env["public_admin.catalogue.import"]._problem_groups(plan)
        refused = dict((severity, sections) for severity, _label, sections in groups)["refused"]
        self.assertEqual(
            sum(len(entries) for _kind, _title, _advice, entries in refused), 4, "every refused row is listed"
        )

    def test_a_broken_documents_cell_refuses_only_its_row(self):
        content = national_csv([national_row("9.51001"), national_row("9.51002")])
        content = content.replace(b"[{", b"[{broken", 1)
        plan = self.run_import(content)
        self.assertEqual([row.outcome for row in plan.rows], ["refused", "new"])
        self.assertEqual(plan.rows[0].problems[0][0], "bad_documents")

    def test_agencies_are_matched_by_code_name_or_alias_and_created_when_missing(self):
        self.construction.alias_names = "Cơ quan quản lý xây dựng cấp tỉnh"
        rows = [
            national_row("9.60001", agency="sở  XÂY dựng"),
            national_row("9.60002", agency="000.00.13.H56"),
            national_row("9.60003", agency="Cơ quan quản lý xây dựng cấp tỉnh, Sở Y tế"),
            national_row("9.60004", agency="Uỷ ban nhân dân cấp tỉnh"),
            national_row("9.60005", agency="Ủy ban nhân dân cấp tỉnh", sector="hoạt động  xây dựng"),
        ]
        plan = self.run_import(national_csv(rows))
        self.assertEqual(self.current("9.60001").agency_id, self.construction)
        self.assertEqual(self.current("9.60002").agency_id, self.environment)
        self.assertEqual(self.current("9.60003").agency_id, self.construction)
        self.assertEqual(self.current("9.60003").participating_agency_ids, self.health)
        created = self.current("9.60004").agency_id
        self.assertEqual(self.current("9.60005").agency_id, created, "one agency for both spellings")
        self.assertEqual(self.current("9.60005").sector_id, self.sector)
        self.assertFalse(created.code)
        self.assertEqual(len(plan.new_agencies), 1)
        # An agency without code cannot receive dossiers.
        dossier = self.create_dossier(receiving_agency_id=created.id)
        with self.assertRaisesRegex(UserError, "no agency code yet"):
            dossier.with_user(self.manager).action_receive()

    def test_blank_cells_of_the_template_are_defaults(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                "code",
                "name",
                "sector_id",
                "agency_id",
                "level",
                "processing_time_text",
                "online_level",
                "accepts_postal",
                "document_ids/name",
                "document_ids/copies",
                "document_ids/copy_type",
                "document_ids/is_required",
            ]
        )
        writer.writerow(
            ["9.70001", "Thủ tục ô trống", "", "Sở Xây dựng", "", "5 Ngày làm việc", "", "", "Tờ khai", "", "", ""]
        )
        writer.writerow(["", "", "", "", "", "", "", "", "Bản sao giấy phép", "2", "", "0"])
        self.run_import(buffer.getvalue().encode(), levels=("province",))
        procedure = self.current("9.70001")
        self.assertTrue(procedure, "blank copy type and online level do not refuse the procedure")
        self.assertEqual(procedure.online_level, "none")
        self.assertTrue(procedure.accepts_postal, "a blank “accepts postal” is not “no”")
        self.assertEqual(procedure.level, "province", "no level: the level this centre serves")
        self.assertEqual(
            [(d.name, d.copies, d.copy_type, d.is_required) for d in procedure.document_ids],
            [("Tờ khai", 1, "original", True), ("Bản sao giấy phép", 2, "photocopy", False)],
        )

    def test_the_centres_own_unit_and_local_time_settle_the_time(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            ["code", "name", "agency", "processing_time_text", "processing_time_local", "processing_time_unit"]
        )
        writer.writerow(["9.71001", "Ngày lịch", "Sở Xây dựng", "30 Ngày", "", "calendar_day"])
        writer.writerow(["9.71002", "Cam kết trong ngày", "Sở Xây dựng", "Không quy định", "", "same_day"])
        writer.writerow(["9.71003", "Đơn vị sai", "Sở Xây dựng", "5 Ngày", "", "fortnight"])
        plan = self.run_import(buffer.getvalue().encode(), levels=("province",))
        calendar = self.current("9.71001")
        self.assertEqual(
            (calendar.processing_time_legal, calendar.processing_time_unit, calendar.processing_time_status),
            (30.0, "calendar_day", "confirmed"),
        )
        self.assertEqual(self.current("9.71002").processing_time_status, "confirmed")
        self.assertEqual(plan.rows[2].outcome, "refused")

    def test_every_document_line_goes_through_one_method(self):
        Engine = type(self.env["public_admin.catalogue.import"])
        documents = [{"name": "Đơn đề nghị", "copies": 1}, {"name": "Giấy ủy quyền (nếu có)", "copies": 1}]
        with patch.object(
            Engine, "_import_document_values", autospec=True, side_effect=Engine._import_document_values
        ) as seam:
            self.run_import(national_csv([national_row("9.72001", documents=documents)]))
        self.assertEqual(
            [call.args[1]["name"] for call in seam.call_args_list], ["Đơn đề nghị", "Giấy ủy quyền (nếu có)"]
        )

    def test_conditional_lines_and_headings_are_marked_conditional(self):
        documents = [
            {"name": "Đơn đề nghị", "copies": 1},
            {"name": "Hộ chiếu còn thời hạn (đối với người nước ngoài)", "copies": 1},
            {"name": "Văn bản đề nghị tạm dừng", "copies": 1, "group": "* Đối với trường hợp đề nghị tạm dừng:"},
        ]
        self.run_import(national_csv([national_row("9.72002", documents=documents)]))
        lines = self.current("9.72002").document_ids.sorted("sequence")
        self.assertEqual([line.is_conditional for line in lines], [False, True, True])
        self.assertIn("người nước ngoài", lines[1].condition)
        self.assertIn("tạm dừng", lines[2].condition, "the heading it is published under is its condition")
        self.assertEqual([line.is_required for line in lines], [True, True, True], "shown, not enforced")

    def test_effective_date_from_the_file_or_the_import(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["code", "name", "agency", "level", "processing_time_text", "date_effective_from"])
        writer.writerow(["9.80001", "Có ngày hiệu lực", "Sở Xây dựng", "Cấp tỉnh", "5 Ngày làm việc", "01/07/2025"])
        writer.writerow(["9.80002", "Không có ngày", "Sở Xây dựng", "Cấp tỉnh", "5 Ngày làm việc", ""])
        writer.writerow(["9.80003", "Ngày sai", "Sở Xây dựng", "Cấp tỉnh", "5 Ngày làm việc", "mùng một"])
        plan = self.run_import(buffer.getvalue().encode(), date_from=date(2025, 9, 1))
        self.assertEqual(self.current("9.80001").date_effective_from, date(2025, 7, 1))
        self.assertEqual(self.current("9.80002").date_effective_from, date(2025, 9, 1))
        self.assertEqual(plan.rows[2].outcome, "refused")

    def test_a_spreadsheet_with_codes_taken_for_numbers(self):
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["code", "name", "agency", "level", "processing_time_text"])
        book.active.append([1.00129, "Mã thành số", "Sở Xây dựng", "Cấp tỉnh", "5 Ngày làm việc"])
        buffer = io.BytesIO()
        book.save(buffer)
        plan = self.run_import(buffer.getvalue(), "danh-muc.xlsx")
        self.assertEqual((plan.rows[0].number, plan.rows[0].code), (2, "1.001290"))
        self.assertTrue(self.current("1.001290"))

    def test_fee_texts_are_kept_as_published(self):
        fee = "Lệ phí: 50.000 đồng/hồ sơ; Phí thẩm định: 1.500.000 đồng"
        self.run_import(national_csv([national_row("9.81001", fee_text=fee)]))
        self.assertEqual(self.current("9.81001").fee_text, fee)


@tagged("post_install", "-at_install")
class TestCatalogueImportVersions(CatalogueImportCase):
    """A changed procedure becomes a new version; dossiers keep the version they were received under."""

    def test_a_changed_row_gives_a_new_version_and_a_dossier_received_before_keeps_the_old_one(self):
        today = fields.Date.context_today(self.env.user)
        first = national_row("9.90001", documents=[{"name": "Đơn đề nghị", "copies": 1}])
        self.run_import(national_csv([first]), date_from=today - timedelta(days=30))
        old = self.current("9.90001")
        old.write({"agency_id": self.construction.id})
        # The centre adds its own workflow: a local setting the national database does not know.
        old.step_ids = [fields.Command.create({"name": "Thẩm định", "agency_id": self.construction.id})]
        dossier = self.create_dossier(procedure=old)
        dossier.with_user(self.front_desk).action_receive()

        changed = dict(first, documents=[{"name": "Đơn đề nghị", "copies": 1}, {"name": "Bản vẽ", "copies": 2}])
        changed["processing_time_text"] = "10 Ngày làm việc"
        plan = self.run_import(national_csv([changed]), date_from=today + timedelta(days=1))
        self.assertEqual(plan.counts()["changed"], 1)
        self.assertEqual(sorted(plan.rows[0].changed_groups), ["documents", "time"])

        versions = self.env["public_admin.procedure"].search([("code", "=", "9.90001")], order="version")
        self.assertEqual(versions.mapped("version"), [1, 2])
        self.assertEqual(versions[0], old)
        self.assertEqual(old.date_effective_to, today + timedelta(days=1))
        new = versions[1]
        self.assertEqual(new.date_effective_from, today + timedelta(days=1))
        self.assertEqual(new.previous_version_id, old)
        self.assertEqual(new.document_ids.mapped("name"), ["Đơn đề nghị", "Bản vẽ"])
        self.assertEqual(new.processing_time_legal, 10.0)
        self.assertEqual(new.step_ids.mapped("name"), ["Thẩm định"], "local settings are carried over")
        self.assertEqual(old.document_ids.mapped("name"), ["Đơn đề nghị"], "the old version is not overwritten")
        self.assertEqual(old.processing_time_legal, 15.0)
        self.assertEqual(dossier.procedure_id, old, "the dossier keeps the version it was received under")
        self.assertEqual(len(dossier.document_ids), 1)

        plan = self.run_import(national_csv([changed]), date_from=today + timedelta(days=1))
        self.assertEqual(plan.counts()["unchanged"], 1, "the same file again changes nothing")
        self.assertEqual(self.env["public_admin.procedure"].search_count([("code", "=", "9.90001")]), 2)

    def test_a_procedure_never_imported_is_compared_on_its_values(self):
        procedure = self.current("1.009972")
        row = national_row(
            "1.009972",
            name=procedure.name,
            documents=[{"name": d.name, "copies": d.copies} for d in procedure.document_ids],
        )
        plan = self.run_import(national_csv([row]), dry_run=True)
        self.assertEqual(plan.rows[0].outcome, "changed")
        self.assertNotIn("name", plan.rows[0].changed_groups, "its name is the same")
        self.assertIn("time", plan.rows[0].changed_groups)

    def test_the_template_imports_steps_and_local_times_for_the_demo_catalogue(self):
        plan = self.run_import(read(TEMPLATE_CSV), "procedure_import_sample.csv")
        self.assertEqual(plan.counts()["refused"], 0)
        with file_open(TEMPLATE_CSV, "rb") as sample:
            rows = list(csv.DictReader(io.StringIO(sample.read().decode())))
        first = self.current(rows[0]["code"])
        self.assertEqual(first.step_ids[:1].role, "reception")
        self.assertEqual(len(first.step_ids), sum(1 for row in rows[:4] if row["step_ids/name"]))
        again = self.run_import(read(TEMPLATE_CSV), "procedure_import_sample.csv")
        self.assertEqual(again.counts()["unchanged"], len(plan.rows))


@tagged("post_install", "-at_install")
class TestCatalogueImportAccess(CatalogueImportCase):
    def test_only_the_centre_administrators_import(self):
        engine = self.env["public_admin.catalogue.import"].with_user(self.front_desk)
        with self.assertRaises(UserError):
            engine._run(national_csv([national_row("9.99001")]), "catalogue.csv")
        with self.assertRaises(AccessError):
            self.env["public_admin.catalogue.import.wizard"].with_user(self.manager).create({})
        self.assertFalse(self.current("9.99001"))

    def test_the_command_for_administrators(self):
        with tempfile.NamedTemporaryFile(suffix=".csv") as catalogue:
            catalogue.write(national_csv([national_row("9.99101"), national_row("", name="Không mã")]))
            catalogue.flush()
            output = io.StringIO()
            plan = import_catalogue(self.env, catalogue.name, levels=("province",), dry_run=True, out=output)
        self.assertEqual(plan.counts()["new"], 1)
        self.assertIn("No procedure code", output.getvalue())
        self.assertFalse(self.current("9.99101"), "a dry run writes nothing")

    def test_odoo_finds_the_command_in_the_addon(self):
        result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-m", "odoo", f"--addons-path={config['addons_path']}", "help"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.assertIn("public_admin_import_catalogue", result.stdout, result.stderr[-2000:])


@tagged("post_install", "-at_install")
class TestCatalogueImportJourney(PublicAdminCommon, HttpCase):
    """The administrator's journey in a real browser, and what citizens then see."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_public_admin_data()
        cls.catalogue_admin = new_test_user(
            cls.env, login="pa_catalogue_admin", groups="public_admin_centre.group_admin", name="Đinh Quản Trị"
        )

    def current(self, code):
        return self.env["public_admin.procedure"].search([("code", "=", code), ("is_current", "=", True)])

    def test_administrator_previews_then_imports_the_national_catalogue(self):
        self.start_tour(
            "/odoo/action-public_admin_centre.public_admin_catalogue_import_wizard_action",
            "public_admin_catalogue_import_tour",
            login="pa_catalogue_admin",
        )
        imported = self.current("9.77001")
        self.assertEqual(imported.agency_id, self.construction)
        self.assertEqual(imported.participating_agency_ids, self.health)
        self.assertEqual(imported.checklist_note, "Số lượng hồ sơ: 01 bộ")
        self.assertEqual(self.current("9.77002").processing_time_status, "needs_review")
        self.assertFalse(self.env["public_admin.procedure"].search([("name", "=", "Thủ tục thiếu mã")]))

    def test_public_pages_show_times_honestly_and_sectors_by_ministry(self):
        rows = [
            national_row("9.78001", processing_time_text="1"),
            national_row(
                "9.78002",
                processing_time_text="Trực tuyến: 5 Ngày làm việc; Trực tiếp: 20 Ngày làm việc",
                documents=[{"name": "Đơn đề nghị", "copies": 1}, {"name": "Số lượng hồ sơ: 01 bộ", "copies": 0}],
            ),
            national_row("9.78003", sector="Hộ tịch", issuing_ministry="Bộ Tư pháp"),
        ]
        self.env["public_admin.catalogue.import"].with_user(self.catalogue_admin)._run(
            national_csv(rows), "catalogue.csv", levels=("province",)
        )
        # Public pages are Vietnamese unless the visitor chose English: these checks read English.
        self.opener.cookies["frontend_lang"] = "en_US"
        page = self.url_open(f"/dich-vu-cong/thu-tuc/{self.current('9.78001').id}").text
        self.assertIn("Being confirmed by the centre", page)
        self.assertNotIn("Thời hạn giải quyết 1<", page)
        self.assertNotIn("o_public_admin_submit_online", page, "not offered online until its time is set")
        self.assertIn("o_public_admin_online_pending", page)
        page = self.url_open(f"/dich-vu-cong/thu-tuc/{self.current('9.78002').id}").text
        self.assertIn("Online: 5 working days", page)
        self.assertIn("At the counter: 20 working days", page)
        self.assertIn("Số lượng hồ sơ: 01 bộ", page)
        self.assertIn("o_public_admin_submit_online", page)
        catalogue = self.url_open("/dich-vu-cong").text
        self.assertRegex(catalogue, r'<optgroup label="Bộ Tư pháp">\s*<option value="\d+"[^>]*>Hộ tịch</option>')
        self.assertIn('<optgroup label="Bộ Xây dựng">', catalogue)
        self.assertIn("o_public_admin_sector_filter", catalogue)
