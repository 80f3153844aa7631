import csv
import io

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

from ..models.public_admin_procedure import parse_processing_time

SAMPLE_FILE = "public_admin_centre/static/import/procedure_import_sample.csv"
DEMO_FILE = "public_admin_centre/demo/procedure_import_demo.csv"
IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    # "Create if it does not exist" ticked for the sector, as a centre importing its catalogue
    # would do.
    "name_create_enabled_fields": {"sector_id": True},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestProcedureImport(TransactionCase):
    """The catalogue is imported through Odoo's standard import (Favourites › Import records)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open(SAMPLE_FILE, "rb") as sample:
            cls.sample = sample.read()
        cls.rows = list(csv.DictReader(io.StringIO(cls.sample.decode("utf-8"))))
        # The agencies named in the file exist in the centre's database (the demo data has them).
        Agency = cls.env["public_admin.agency"]
        names = {row["agency_id"] for row in cls.rows} | {row["step_ids/agency_id"] for row in cls.rows}
        for number, name in enumerate(sorted(n for n in names if n), start=1):
            if not Agency.search_count([("name", "=", name)]):
                Agency.create({"name": name, "code": f"000.00.{90 + number}.H99"})

    def _import(self, content, file_name):
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "public_admin.procedure",
                "file": content,
                "file_name": file_name,
                "file_type": "text/csv",
            }
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertFalse(preview.get("error"), preview.get("error"))
        self.assertEqual(
            len(preview["matches"]),
            len(preview["headers"]),
            "every column of the file is recognised as a field of the procedure",
        )
        fields = ["/".join(path) for path in preview["matches"].values()]
        result = wizard.execute_import(fields, preview["headers"], dict(IMPORT_OPTIONS))
        self.assertEqual(result["messages"], [], "the file imports without error or warning")
        return self.env["public_admin.procedure"].browse(result["ids"])

    def _expected(self):
        """Per procedure code: (row of the procedure, documents, steps) as written in the file."""
        expected, current = {}, None
        for row in self.rows:
            if row["code"]:
                current = row["code"]
                expected[current] = (row, [], [])
            if row["document_ids/name"]:
                expected[current][1].append(row)
            if row["step_ids/name"]:
                expected[current][2].append(row)
        return expected

    def test_sample_catalogue_imports_procedures_with_checklists_and_steps(self):
        procedures = self._import(self.sample, "procedure_import_sample.csv")
        expected = self._expected()
        self.assertEqual(len(procedures), len(expected))
        self.assertEqual(set(procedures.mapped("code")), set(expected))
        for procedure in procedures:
            row, documents, steps = expected[procedure.code]
            self.assertEqual(procedure.name, row["name"])
            self.assertEqual(procedure.agency_id.name, row["agency_id"])
            self.assertEqual(procedure.sector_id.name, row["sector_id"])
            self.assertEqual(procedure.fee_text, row["fee_text"], "fees are kept as published")
            self.assertEqual(procedure.processing_time_text, row["processing_time_text"])
            self.assertEqual(
                (procedure.processing_time_legal, procedure.processing_time_unit),
                parse_processing_time(row["processing_time_text"]),
                "the legal time is read from the published text",
            )
            self.assertEqual(procedure.processing_time_local, float(row["processing_time_local"] or 0))
            self.assertEqual(
                [(d.name, d.copies, d.copy_type, d.is_required) for d in procedure.document_ids],
                [
                    (
                        d["document_ids/name"],
                        int(d["document_ids/copies"]),
                        d["document_ids/copy_type"],
                        d["document_ids/is_required"] == "1",
                    )
                    for d in documents
                ],
            )
            self.assertEqual(
                [(s.name, s.role, s.agency_id.name, s.duration_hours) for s in procedure.step_ids],
                [
                    (
                        s["step_ids/name"],
                        s["step_ids/role"],
                        s["step_ids/agency_id"],
                        float(s["step_ids/duration_hours"]),
                    )
                    for s in steps
                ],
            )
            self.assertEqual(
                procedure.step_ids[:1].role,
                "reception",
                "the dossier is first received at the centre",
            )

    def test_import_screen_offers_the_sample(self):
        template = self.env["public_admin.procedure"].get_import_templates()[0]["template"]
        with file_open(template.lstrip("/"), "rb") as sample:
            self.assertEqual(sample.read(), self.sample, "the import screen offers the sample tested here")

    def test_sample_reads_the_counter_time_of_a_text_per_channel(self):
        procedures = self._import(self.sample, "procedure_import_sample.csv")
        land = procedures.filtered(lambda p: p.code == "1.013828")
        self.assertEqual(
            land.processing_time_text,
            "Trực tuyến: 15 Ngày; Dịch vụ bưu chính: 15 Ngày; Trực tiếp: 25 Ngày",
        )
        self.assertEqual((land.processing_time_legal, land.processing_time_unit), (25.0, "working_day"))
        self.assertEqual(len(land.step_ids.agency_id), 3, "inter-agency: centre, department, provincial office")

    def test_published_processing_times_are_read_at_import(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                "code",
                "name",
                "processing_time_text",
                "fee_text",
                "document_ids/name",
                "document_ids/copies",
            ]
        )
        published = [
            ("9.000001", "15 ngày làm việc", "Lệ phí: 50.000 đồng/hồ sơ"),
            ("9.000002", "03 ngày", "Miễn phí"),
            ("9.000003", "24 giờ", "Không có thông tin"),
            ("9.000004", "3 tháng", "Phí thẩm định: 1.500.000 đồng/hồ sơ"),
            ("9.000005", "Trong ngày", "Miễn phí (Không quy định)"),
        ]
        for code, time_text, fee in published:
            writer.writerow([code, f"Thủ tục thử {code}", time_text, fee, "Đơn đề nghị theo mẫu", 1])
        procedures = self._import(buffer.getvalue().encode("utf-8"), "thu_tuc.csv")
        by_code = {p.code: p for p in procedures}
        self.assertEqual(
            {code: (p.processing_time_legal, p.processing_time_unit) for code, p in by_code.items()},
            {
                "9.000001": (15.0, "working_day"),
                "9.000002": (3.0, "working_day"),
                "9.000003": (24.0, "working_hour"),
                "9.000004": (90.0, "calendar_day"),
                "9.000005": (0.0, "same_day"),
            },
        )
        self.assertEqual({code: p.fee_text for code, p in by_code.items()}, {c: fee for c, _t, fee in published})
        self.assertEqual(by_code["9.000003"].document_ids.mapped("name"), ["Đơn đề nghị theo mẫu"])

    def test_time_unit_column_when_filled_wins_over_the_unit_read_from_the_text(self):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["code", "name", "processing_time_text", "processing_time_unit"])
        writer.writerow(["9.000011", "Thủ tục thử 9.000011", "10 Ngày", "calendar_day"])
        writer.writerow(["9.000012", "Thủ tục thử 9.000012", "1 Ngày làm việc", "same_day"])
        writer.writerow(["9.000013", "Thủ tục thử 9.000013", "15 ngày làm việc", ""])
        procedures = self._import(buffer.getvalue().encode("utf-8"), "thu_tuc.csv")
        self.assertEqual(
            {p.code: (p.processing_time_legal, p.processing_time_unit) for p in procedures},
            {
                "9.000011": (10.0, "calendar_day"),
                "9.000012": (1.0, "same_day"),
                "9.000013": (15.0, "working_day"),
            },
            "an empty unit is read from the published text",
        )


@tagged("post_install", "-at_install")
class TestPublishedProcessingTime(TransactionCase):
    """The published processing times of the national portal, as they are written."""

    def test_counter_time_is_the_legal_time_when_the_text_gives_one_per_channel(self):
        self.assertEqual(
            parse_processing_time("Trực tuyến: 15 Ngày; Dịch vụ bưu chính: 15 Ngày; Trực tiếp: 25 Ngày"),
            (25.0, "working_day"),
        )
        self.assertEqual(
            parse_processing_time(
                "Trực tuyến: 5 Ngày làm việc; Dịch vụ bưu chính: 20 Ngày làm việc; Trực tiếp: 20 Ngày làm việc"
            ),
            (20.0, "working_day"),
        )
        self.assertEqual(parse_processing_time("Trực tuyến: 1 Ngày; Trực tiếp: 1 Giờ"), (1.0, "working_hour"))

    def test_text_without_counter_time_reads_its_first_time(self):
        self.assertEqual(
            parse_processing_time("Dịch vụ bưu chính: 1; Trực tiếp: 1; Trực tuyến: 10 Ngày làm việc"),
            (10.0, "working_day"),
        )
        self.assertEqual(
            parse_processing_time("Trực tuyến: 1 Ngày làm việc; Trực tuyến: 2 Ngày làm việc"),
            (1.0, "working_day"),
        )

    def test_same_day_mentioned_after_a_time_does_not_make_the_procedure_same_day(self):
        self.assertEqual(
            parse_processing_time("05 ngày làm việc (hồ sơ nhận trước 15 giờ được trả kết quả trong ngày)"),
            (5.0, "working_day"),
        )
        self.assertEqual(parse_processing_time("Trực tiếp: Trong ngày; Trực tuyến: 2 ngày"), (0.0, "same_day"))

    def test_fractions_weeks_and_unreadable_texts(self):
        self.assertEqual(parse_processing_time("0,5 ngày làm việc"), (0.5, "working_day"))
        self.assertEqual(parse_processing_time("2 tuần"), (14.0, "calendar_day"))
        self.assertEqual(parse_processing_time("Không quy định"), (0.0, False))
        self.assertEqual(parse_processing_time(""), (0.0, False))

    def test_every_published_time_of_the_shipped_catalogues_is_readable(self):
        texts = []
        for path in (SAMPLE_FILE, DEMO_FILE):
            with file_open(path, "rb") as catalogue:
                rows = list(csv.DictReader(io.StringIO(catalogue.read().decode("utf-8"))))
            texts += [row["processing_time_text"] for row in rows if row["code"]]
        unreadable = [text for text in texts if not parse_processing_time(text)[1]]
        self.assertEqual(unreadable, [])
        self.assertGreaterEqual(len(texts), 50)
