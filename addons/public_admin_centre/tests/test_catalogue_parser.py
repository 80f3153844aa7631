"""The national catalogue's published texts, read without a database (tools/catalogue_parser.py)."""

import csv
import io
import json
import unicodedata

from odoo.tests import BaseCase, tagged
from odoo.tools import file_open

from ..tools import catalogue_parser as parser

SAMPLE_JSON = "public_admin_centre/tests/data/tthc_sample_clean.json"
SAMPLE_CSV = "public_admin_centre/tests/data/tthc_sample_clean.csv"


@tagged("post_install", "-at_install")
class TestPublishedProcessingTimeReading(BaseCase):
    """Processing times as the national portal publishes them, read honestly."""

    def reading(self, text):
        published = parser.parse_published_time(text)
        return published.status, published.main.amount, published.main.unit, published.problems

    def test_unreadable_texts_need_review_and_never_become_zero_days(self):
        # The kinds of text a real catalogue of 2,849 procedures holds (issue 9).
        texts = {
            "1": "no_unit",
            "120": "no_unit",
            "10-25": "range",
            "10 - 25 Ngày làm việc": "range",
            "Không quy định": "not_regulated",
            "Không phải trả kết quả": "unreadable",
            "Trực tuyến: 1; Dịch vụ bưu chính: 125; Trực tiếp: 125": "no_unit",
            "Chậm nhất là ngay trước khi tàu rời cảng": "unreadable",
            "": "empty",
            "   ": "empty",
            "Không có thông tin": "empty",
            "0 Giờ": "zero",
        }
        for text, problem in texts.items():
            with self.subTest(text=text):
                status, amount, _unit, problems = self.reading(text)
                self.assertEqual(status, "needs_review")
                self.assertEqual(amount, 0.0)
                self.assertEqual(problems[0], problem)

    def test_days_without_kind_are_counted_as_working_days_and_flagged(self):
        self.assertEqual(self.reading("30 Ngày"), ("to_confirm", 30.0, "working_day", ["days_unspecified"]))
        self.assertEqual(self.reading("03 ngày"), ("to_confirm", 3.0, "working_day", ["days_unspecified"]))
        self.assertEqual(self.reading("15 Ngày làm việc"), ("confirmed", 15.0, "working_day", []))
        self.assertEqual(self.reading("20 ngày theo lịch"), ("confirmed", 20.0, "calendar_day", []))

    def test_hours_same_day_fractions_weeks_and_months(self):
        self.assertEqual(self.reading("02 Giờ"), ("confirmed", 2.0, "working_hour", []))
        self.assertEqual(self.reading("Trong ngày"), ("confirmed", 0.0, "same_day", []))
        self.assertEqual(self.reading("0,5 ngày làm việc"), ("confirmed", 0.5, "working_day", []))
        self.assertEqual(self.reading("2 tuần"), ("confirmed", 14.0, "calendar_day", []))
        self.assertEqual(self.reading("3 tháng"), ("to_confirm", 90.0, "calendar_day", ["months"]))
        self.assertEqual(
            self.reading("05 ngày làm việc (hồ sơ nhận trước 15 giờ được trả kết quả trong ngày)"),
            ("confirmed", 5.0, "working_day", []),
        )

    def test_times_per_channel_are_kept_per_channel(self):
        published = parser.parse_published_time(
            "Trực tuyến: 5 Ngày làm việc; Dịch vụ bưu chính: 20 Ngày làm việc; Trực tiếp: 20 Ngày làm việc"
        )
        self.assertEqual(published.status, "confirmed")
        self.assertEqual((published.main.amount, published.main.unit), (20.0, "working_day"), "the counter's time")
        self.assertEqual(
            [(channel, reading.amount, reading.unit) for channel, reading in published.channels],
            [("online", 5.0, "working_day"), ("postal", 20.0, "working_day"), ("counter", 20.0, "working_day")],
        )

    def test_channels_with_an_unreadable_time_or_several_times_are_flagged(self):
        published = parser.parse_published_time("Dịch vụ bưu chính: 1; Trực tiếp: 15 Ngày làm việc")
        self.assertEqual((published.status, published.main.amount), ("to_confirm", 15.0))
        self.assertEqual(published.problems, ["channel_unreadable"])
        self.assertEqual([reading.usable for _channel, reading in published.channels], [False, True])
        published = parser.parse_published_time("Trực tiếp: 15 Ngày làm việc; Trực tiếp: 3 Ngày làm việc")
        self.assertEqual((published.status, published.main.amount), ("to_confirm", 15.0))
        self.assertEqual(published.problems, ["several_times"])
        published = parser.parse_published_time("Trực tuyến: 1 Ngày làm việc; Dịch vụ bưu chính: 2 Ngày làm việc")
        self.assertEqual((published.main.amount, published.problems), (1.0, ["counter_missing"]))

    def test_every_published_time_of_the_shared_sample_is_read_or_flagged(self):
        with file_open(SAMPLE_JSON, "rb") as sample:
            procedures = json.loads(sample.read())
        statuses = {}
        for procedure in procedures:
            published = parser.parse_published_time(procedure["processing_time_text"])
            statuses[published.status] = statuses.get(published.status, 0) + 1
            self.assertTrue(published.main.usable, procedure["processing_time_text"])
            self.assertTrue(published.main.amount > 0 or published.main.unit == "same_day")
            if procedure["processing_days_type"] == "days_unspecified" and not published.channels:
                self.assertIn("days_unspecified", published.problems, procedure["processing_time_text"])
        self.assertEqual(sum(statuses.values()), 197)
        self.assertEqual(statuses.get("needs_review", 0), 0)


@tagged("post_install", "-at_install")
class TestCatalogueTexts(BaseCase):
    """Names, agencies, levels and checklist lines of the published catalogue."""

    def test_names_meet_across_case_spacing_composition_and_tone_placement(self):
        key = parser.name_key("Ủy ban nhân dân cấp tỉnh")
        self.assertEqual(parser.name_key("  UỶ BAN   nhân dân cấp tỉnh. "), key)
        self.assertEqual(parser.name_key("UBND cấp tỉnh"), key)
        self.assertEqual(
            parser.name_key("Sở Nông nghiệp và Môi trường"), parser.name_key("sở nông nghiệp và môi trường")
        )
        self.assertEqual(parser.name_key("Hòa giải thương mại"), parser.name_key("Hoà giải thương mại"))
        self.assertEqual(parser.name_key("Thủy lợi"), parser.name_key("Thuỷ lợi"))
        composed = unicodedata.normalize("NFC", "Sở Xây dựng")
        self.assertEqual(parser.name_key(unicodedata.normalize("NFD", composed)), parser.name_key(composed))
        self.assertNotEqual(parser.name_key("Thuế"), parser.name_key("Thuê"), "tones are not ignored")

    def test_a_cell_naming_several_agencies_is_split_where_an_agency_starts(self):
        self.assertEqual(parser.split_agency_names("Bộ Công an, Bộ Quốc phòng"), ["Bộ Công an", "Bộ Quốc phòng"])
        self.assertEqual(
            parser.split_agency_names("Cục cảnh sát quản lý hành chính về trật tự, xã hội"),
            ["Cục cảnh sát quản lý hành chính về trật tự, xã hội"],
        )
        self.assertEqual(
            parser.split_agency_names("Trung tâm Thông tin, Lưu trữ và Thư viện, Trung tâm Dữ liệu thông tin phía Nam"),
            ["Trung tâm Thông tin, Lưu trữ và Thư viện", "Trung tâm Dữ liệu thông tin phía Nam"],
        )
        self.assertEqual(
            parser.split_agency_names("Ngân hàng Nhà nước Việt Nam, Ngân hàng Nhà nước Chi nhánh tỉnh, thành phố"),
            ["Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Chi nhánh tỉnh, thành phố"],
        )
        self.assertEqual(parser.split_agency_names("Sở Tư pháp; sở tư pháp"), ["Sở Tư pháp"], "no repeats")
        self.assertEqual(parser.split_agency_names(""), [])

    def test_levels_as_published(self):
        self.assertEqual(parser.parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã"), (["central", "province", "commune"], []))
        self.assertEqual(parser.parse_levels("Cấp tỉnh, Cấp xã, Cơ quan khác"), (["province", "commune", "other"], []))
        self.assertEqual(parser.parse_levels("province"), (["province"], []))
        self.assertEqual(parser.parse_levels("Cấp thôn"), ([], ["Cấp thôn"]))

    def test_checklist_lines_that_are_not_documents(self):
        classify = parser.classify_checklist_line
        self.assertEqual(classify("Số lượng hồ sơ: 01 bộ", 1), "count")
        self.assertEqual(classify("Trường hợp nộp trực tuyến thì scan bản chính", 0), "instruction")
        self.assertEqual(classify("Lưu ý: mang theo bản chính để đối chiếu", 1), "instruction")
        self.assertEqual(classify("* Đối với trường hợp đề nghị tạm dừng chứng thư:", 1), "heading")
        self.assertEqual(classify("Hồ sơ rút vốn gồm có:", 1), "heading")
        self.assertEqual(classify("Đơn đề nghị cấp giấy phép (Mẫu số 01)", 1), "document")
        self.assertEqual(classify("Giấy ủy quyền (nếu có)", 1), "document", "a conditional line is a document")
        self.assertEqual(
            classify("01 bản chính văn bản đề nghị cấp điều chỉnh giấy phép môi trường của dự án đầu tư, cơ sở:", 1),
            "document",
        )

    def test_kind_of_copy_from_the_published_counts_or_the_wording(self):
        self.assertEqual(parser.copy_type_of("Đơn", 1, 0), "original")
        self.assertEqual(parser.copy_type_of("Giấy phép", 0, 1), "photocopy")
        self.assertEqual(parser.copy_type_of("Giấy phép", 1, 1), "original_or_certified")
        self.assertEqual(parser.copy_type_of("Bản sao có chứng thực giấy khai sinh"), "certified")
        self.assertEqual(parser.copy_type_of("Bản sao giấy phép kinh doanh"), "photocopy")
        self.assertEqual(parser.copy_type_of("Tờ khai"), "original")

    def test_result_without_what_the_page_glued_to_it(self):
        self.assertEqual(
            parser.clean_result("Quyết định miễn, giảm tiền chi trả dịch vụ môi trường rừngMã: KQ.G10.000119Từ khóa"),
            "Quyết định miễn, giảm tiền chi trả dịch vụ môi trường rừng",
        )

    def test_blank_cells_are_defaults_and_wrong_cells_are_errors(self):
        self.assertIsNone(parser.parse_bool(""))
        self.assertTrue(parser.parse_bool("", default=True))
        self.assertFalse(parser.parse_bool("0"))
        self.assertTrue(parser.parse_bool("có"))
        with self.assertRaises(ValueError):
            parser.parse_bool("peut-être")
        self.assertEqual(parser.parse_count("01"), 1)
        self.assertEqual(parser.parse_count("", default=1), 1)
        with self.assertRaises(ValueError):
            parser.parse_count("một")
        self.assertEqual(parser.parse_online_level("online_channel_listed"), "partial")
        self.assertEqual(parser.parse_online_level("Toàn trình"), "full")
        self.assertEqual(parser.parse_online_level(""), "")
        with self.assertRaises(ValueError):
            parser.parse_online_level("mức độ 9")
        self.assertEqual(str(parser.parse_date("01/07/2025")), "2025-07-01")
        with self.assertRaises(ValueError):
            parser.parse_date("mùng 1 tháng 7")


@tagged("post_install", "-at_install")
class TestCatalogueFiles(BaseCase):
    """The three forms of the file: national CSV and JSON, the import template (CSV or xlsx)."""

    def test_national_csv_and_json_give_the_same_procedures(self):
        with file_open(SAMPLE_CSV, "rb") as sample:
            from_csv = parser.read_catalogue_file(sample.read(), "tthc_sample_clean.csv")
        with file_open(SAMPLE_JSON, "rb") as sample:
            from_json = parser.read_catalogue_file(sample.read(), "tthc_sample_clean.json")
        self.assertEqual((from_csv.kind, from_json.kind), ("csv", "json"))
        self.assertEqual([row.values["code"] for row in from_csv.rows], [row.values["code"] for row in from_json.rows])
        self.assertEqual(len(from_csv.rows), 197)
        self.assertEqual(from_csv.rows[0].number, 2, "rows are numbered as a spreadsheet shows them")
        self.assertEqual(from_json.rows[0].number, 1, "entries of a JSON list from 1")
        for csv_row, json_row in zip(from_csv.rows, from_json.rows, strict=True):
            self.assertEqual(
                [line["name"] for line in parser.documents_of(csv_row)],
                [line["name"] for line in parser.documents_of(json_row)],
            )
        self.assertEqual(from_csv.unknown_columns, [], "every column of the national sample is known")

    def test_template_rows_continue_the_procedure_above(self):
        with file_open("public_admin_centre/static/import/procedure_import_sample.csv", "rb") as sample:
            content = sample.read()
        source = parser.read_catalogue_file(content, "procedure_import_sample.csv")
        rows = list(csv.DictReader(io.StringIO(content.decode())))
        self.assertEqual(len(source.rows), len({row["code"] for row in rows if row["code"]}))
        first = source.rows[0]
        self.assertEqual(first.values["code"], rows[0]["code"])
        self.assertEqual(len(first.documents), sum(1 for row in rows[:4] if row["document_ids/name"]))
        self.assertEqual([step["name"] for step in first.steps], [row["step_ids/name"] for row in rows[:4]])

    def test_xlsx_template_reads_like_the_csv(self):
        from openpyxl import Workbook

        with file_open("public_admin_centre/static/import/procedure_import_sample.csv", "rb") as sample:
            content = sample.read()
        book = Workbook()
        for row in csv.reader(io.StringIO(content.decode())):
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        from_xlsx = parser.read_catalogue_file(buffer.getvalue(), "catalogue.xlsx")
        from_csv = parser.read_catalogue_file(content, "catalogue.csv")
        self.assertEqual(from_xlsx.kind, "xlsx")
        self.assertEqual([row.values for row in from_xlsx.rows], [row.values for row in from_csv.rows])
        self.assertEqual([row.documents for row in from_xlsx.rows], [row.documents for row in from_csv.rows])

    def test_unreadable_files_are_refused_as_a_whole(self):
        with self.assertRaises(parser.CatalogueFileError):
            parser.read_catalogue_file(b'{"not": "a list"}', "catalogue.json")
        with self.assertRaises(parser.CatalogueFileError):
            parser.read_catalogue_file(b"PK\x03\x04 broken", "catalogue.xlsx")
        with self.assertRaises(parser.CatalogueFileError):
            parser.read_catalogue_file(b"", "catalogue.csv")
