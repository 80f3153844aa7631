import csv
import io
import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import file_open

from ..demo import demo_replay, public_admin_demo_loader
from .common import PublicAdminCase
from .test_procedure_import import IMPORT_OPTIONS

ALL_STATES = {
    "draft",
    "registered",
    "received",
    "in_progress",
    "supplement",
    "financial",
    "done",
    "returned",
    "refused",
    "withdrawn",
    "stopped",
}


def read_demo_csv(path):
    with file_open(path, "rb") as demo_file:
        return list(csv.DictReader(io.StringIO(demo_file.read().decode("utf-8"))))


def read_demo_catalogue():
    """Per procedure code of the demo catalogue: its row, its documents' rows, its steps' rows."""
    catalogue, current = {}, None
    for row in read_demo_csv(public_admin_demo_loader.CATALOGUE_FILE):
        if row["code"]:
            current = row["code"]
            catalogue[current] = {"row": row, "documents": [], "steps": []}
        if row["document_ids/name"]:
            catalogue[current]["documents"].append(row)
        if row["step_ids/name"]:
            catalogue[current]["steps"].append(row)
    return catalogue


@tagged("post_install", "-at_install")
class TestDemoData(PublicAdminCase):
    """The demo loader works on any database: with or without the demo data installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = cls.env["public_admin.demo.loader"]
        cls.catalogue = read_demo_catalogue()
        # Without the demo agencies, the departments of the catalogue are played by the test ones.
        departments = {
            "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa": cls.centre,
            "Văn phòng Ủy ban nhân dân tỉnh": cls.health,
            "Sở Nông nghiệp và Môi trường": cls.environment,
            "Văn phòng Đăng ký đất đai": cls.environment,
            "Chi cục Kiểm lâm": cls.environment,
            "Chi cục Chăn nuôi và Thú y": cls.environment,
        }
        rows = [row for entry in cls.catalogue.values() for row in [entry["row"], *entry["steps"]]]
        names = {row["agency_id"] for row in rows} | {row["step_ids/agency_id"] for row in rows}
        cls.agencies = {name: departments.get(name, cls.construction) for name in names - {""}}
        cls.procedures = cls.loader._load_demo_catalogue(agencies=cls.agencies)
        cls.real_now = fields.Datetime.now()
        cls.dossiers = cls.loader._generate_demo_dossiers(
            count=30, seed=7, procedures=cls.procedures, reception_centre=cls.centre
        )

    def test_catalogue_holds_real_procedures_with_checklists_times_and_steps(self):
        catalogue = self.catalogue
        self.assertGreaterEqual(len(self.procedures), 40)
        self.assertEqual(set(self.procedures.mapped("code")), set(catalogue))
        for procedure in self.procedures:
            entry = catalogue[procedure.code]
            row = entry["row"]
            self.assertEqual(procedure.fee_text, row["fee_text"], "fees stay as published")
            self.assertEqual(procedure.processing_time_text, row["processing_time_text"])
            self.assertGreater(procedure.processing_time_legal, 0, "the published time was read")
            self.assertEqual(len(procedure.document_ids), len(entry["documents"]))
            self.assertTrue(all(d.copies >= 1 for d in procedure.document_ids))
            self.assertEqual(procedure.step_ids[:1].role, "reception")
            self.assertEqual(procedure.step_ids[-1:].agency_id.is_reception_centre, False)
            # Everything the file gives arrives as written.
            self.assertEqual(
                (procedure.name, procedure.sector_id.name, procedure.online_level, procedure.applicant_type),
                (row["name"], row["sector_id"], row["online_level"], row["applicant_type"]),
            )
            self.assertEqual(procedure.agency_id, self.agencies[row["agency_id"]])
            self.assertEqual(procedure.date_effective_from, fields.Date.to_date(row["date_effective_from"]))
            self.assertEqual(procedure.accepts_postal, row["accepts_postal"] == "1")
            self.assertEqual(procedure.processing_time_local, float(row["processing_time_local"] or 0))
            if row["processing_time_unit"]:
                self.assertEqual(procedure.processing_time_unit, row["processing_time_unit"])
            self.assertEqual(
                [(d.name, d.copies, d.copy_type, d.is_required, d.note or "") for d in procedure.document_ids],
                [
                    (
                        d["document_ids/name"],
                        int(d["document_ids/copies"]),
                        d["document_ids/copy_type"],
                        d["document_ids/is_required"] == "1",
                        d["document_ids/note"],
                    )
                    for d in entry["documents"]
                ],
            )
            self.assertEqual(
                [(s.name, s.role, s.agency_id, s.duration_hours) for s in procedure.step_ids],
                [
                    (
                        s["step_ids/name"],
                        s["step_ids/role"],
                        self.agencies[s["step_ids/agency_id"]],
                        float(s["step_ids/duration_hours"]),
                    )
                    for s in entry["steps"]
                ],
            )
        units = set(self.procedures.mapped("processing_time_unit"))
        self.assertTrue({"working_day", "calendar_day", "same_day"} <= units)
        self.assertEqual(set(self.procedures.mapped("online_level")), {"full", "partial", "none"})
        shortened = self.procedures.filtered(lambda p: 0 < p.processing_time_local < p.processing_time_legal)
        self.assertGreaterEqual(len(shortened), 5, "some procedures have a locally shortened time")
        copy_types = set(self.procedures.document_ids.mapped("copy_type"))
        self.assertTrue({"original", "photocopy", "certified"} <= copy_types)

    def test_catalogue_sectors_come_with_their_ministry(self):
        sectors = {row["name"]: row["ministry"] for row in read_demo_csv(public_admin_demo_loader.SECTOR_FILE)}
        self.assertLessEqual(set(self.procedures.sector_id.mapped("name")), set(sectors))
        # The test data made one of them already (without its ministry): it is kept as it is.
        imported = self.procedures.sector_id - self.sector
        self.assertTrue(imported)
        for sector in imported:
            self.assertEqual(sector.ministry, sectors[sector.name])

    def test_catalogue_comes_in_as_the_import_screen_brings_it(self):
        self.assertEqual(public_admin_demo_loader.IMPORT_OPTIONS, IMPORT_OPTIONS)
        with file_open(public_admin_demo_loader.CATALOGUE_FILE, "rb") as demo_file:
            header = next(csv.reader(io.StringIO(demo_file.read().decode("utf-8"))))
        with file_open("public_admin_centre/static/import/procedure_import_sample.csv", "rb") as sample:
            sample_header = next(csv.reader(io.StringIO(sample.read().decode("utf-8"))))
        # The demo file is the template with two more columns a centre may fill.
        self.assertEqual(set(header) - set(sample_header), {"date_effective_from", "processing_time_unit"})
        self.assertLessEqual(set(sample_header), set(header))

    def test_catalogue_is_loaded_once(self):
        again = self.loader._load_demo_catalogue(agencies=self.agencies)
        self.assertEqual(again, self.procedures)
        self.assertEqual(
            self.env["public_admin.procedure"].search_count([("code", "in", self.procedures.mapped("code"))]),
            len(self.procedures),
        )

    def test_dossiers_reach_every_state(self):
        self.assertEqual(len(self.dossiers), 30)
        self.assertEqual(set(self.dossiers.mapped("state")), ALL_STATES)

    def test_dossier_codes_are_agency_date_and_daily_number(self):
        received = self.dossiers.filtered("date_received")
        pattern = re.compile(rf"^{re.escape(self.centre.code)}-\d{{6}}-\d{{4}}$")
        self.assertTrue(received)
        for dossier in received:
            self.assertRegex(dossier.name, pattern)
            local_day = dossier._format_local(dossier.date_received, with_time=False)  # dd/mm/yyyy
            day, month, year = local_day.split("/")
            self.assertEqual(
                dossier.name.split("-")[1],
                f"{year[2:]}{month}{day}",
                "the code carries the day of reception",
            )
        self.assertEqual(len(set(received.mapped("name"))), len(received), "no code is given twice")
        self.assertFalse(self.dossiers.filtered(lambda d: d.state in ("draft", "registered") and d.name))

    def test_history_happened_over_the_last_sixty_days(self):
        received = self.dossiers.filtered("date_received")
        self.assertGreaterEqual(min(received.mapped("date_received")), self.real_now - timedelta(days=61))
        for dossier in self.dossiers:
            self.assertLessEqual(dossier.create_date, self.real_now)
            for moment in (
                dossier.date_received,
                dossier.date_finished,
                dossier.date_returned,
                dossier.date_closed,
            ):
                self.assertLessEqual(moment or self.real_now, self.real_now)
        for dossier in self.dossiers.filtered(lambda d: d.state == "returned"):
            self.assertLessEqual(dossier.date_received, dossier.date_finished)
            self.assertLessEqual(dossier.date_finished, dossier.date_returned)
            self.assertIn(dossier.timeliness, ("early", "on_time", "late"))
            self.assertFalse(dossier.step_ids.filtered(lambda s: not s.date_done), "every step was done")
        messages = self.dossiers.message_ids
        self.assertTrue(messages)
        self.assertLessEqual(max(messages.mapped("date")), self.real_now, "messages are dated by their event")

    def test_paused_dossiers_have_their_clock_stopped(self):
        for dossier in self.dossiers.filtered(lambda d: d.state in ("supplement", "financial")):
            open_pause = dossier.pause_ids.filtered(lambda p: not p.date_end)
            self.assertEqual(len(open_pause), 1)
            self.assertEqual(open_pause.reason, dossier.state)

    def test_applicants_have_valid_phones_and_citizen_ids(self):
        for dossier in self.dossiers:
            self.assertTrue(dossier.applicant_phone.startswith("+84"), dossier.applicant_phone)
            if not dossier.partner_id.is_company:
                self.assertRegex(dossier.partner_id.public_admin_id_number, r"^0\d{11}$")

    def test_generation_with_the_same_seed_gives_the_same_dossiers(self):
        count = self.env["public_admin.dossier"].search_count([])
        again = self.loader._generate_demo_dossiers(
            count=30, seed=7, procedures=self.procedures, reception_centre=self.centre
        )
        self.assertEqual(again, self.dossiers)
        self.assertEqual(self.env["public_admin.dossier"].search_count([]), count)

    def test_real_clock_is_back_after_generation_even_on_error(self):
        original = fields.Datetime.now
        self.assertNotIsInstance(getattr(original, "__self__", None), demo_replay.DemoClock)
        with (
            patch.object(demo_replay.DemoReplay, "play", side_effect=ValueError("broken history")),
            self.assertRaises(ValueError),
        ):
            self.loader._generate_demo_dossiers(
                count=3, seed=8, procedures=self.procedures, reception_centre=self.centre
            )
        self.assertIs(fields.Datetime.now, original)
        self.assertLess(abs((fields.Datetime.now() - self.real_now).total_seconds()), 3600)
        self.assertLess(abs((self.env["public_admin.dossier"]._now() - self.real_now).total_seconds()), 3600)

    def test_replayed_time_is_seen_by_the_replayed_dossier_only(self):
        seen = []
        act = demo_replay.DossierStory.act

        def act_and_read_the_time(story, *args):
            act(story, *args)
            seen.append(
                (
                    story.replay.clock.now(),
                    story.dossier._now(),
                    fields.Datetime.now(),
                    self.env["public_admin.dossier"]._now(),
                    self.env["public_admin.dossier"].browse(story.dossier.id)._now(),
                )
            )

        with patch.object(demo_replay.DossierStory, "act", act_and_read_the_time):
            self.loader._generate_demo_dossiers(
                count=12, seed=9, procedures=self.procedures, reception_centre=self.centre
            )
        self.assertTrue(seen)
        for clock, dossier_time, server_time, other_time, same_dossier_elsewhere in seen:
            self.assertEqual(dossier_time, clock, "the replayed dossier reads the replay's clock")
            for real in (server_time, other_time, same_dossier_elsewhere):
                self.assertLess(abs((real - self.real_now).total_seconds()), 3600, "anyone else reads the real time")
        self.assertLess(min(clock for clock, *_others in seen), self.real_now - timedelta(days=1))

    def test_replay_tells_no_applicant_and_dates_apologies_by_their_event(self):
        self.assertFalse(self.dossiers.message_ids.filtered(lambda m: m.message_type == "sms"))
        self.assertFalse(self.env["sms.sms"].search([("partner_id", "in", self.dossiers.partner_id.ids)]))
        self.assertFalse(
            self.dossiers.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment")),
            "no email was posted to the applicants",
        )
        self.assertTrue(self.dossiers.apology_ids, "some late agencies apologised")
        for dossier in self.dossiers:
            self.assertLessEqual(dossier.create_date, dossier.date_registered or dossier.date_received or self.real_now)
            for apology in dossier.apology_ids:
                self.assertLess(apology.create_date, self.real_now)
                self.assertGreaterEqual(apology.create_date, dossier.date_received)
                self.assertIn(apology.create_date, dossier.message_ids.mapped("date"), "dated as its message")
