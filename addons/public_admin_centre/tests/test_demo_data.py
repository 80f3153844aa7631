import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from ..models import public_admin_demo_loader
from .common import PublicAdminCase

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


@tagged("post_install", "-at_install")
class TestDemoData(PublicAdminCase):
    """The demo loader works on any database: with or without the demo data installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = cls.env["public_admin.demo.loader"]
        # Without the demo agencies, the departments of the catalogue are played by the test ones.
        departments = {
            "agency_centre_demo": cls.centre,
            "agency_vpubnd_demo": cls.health,
            "agency_nnmt_demo": cls.environment,
            "agency_nnmt_vpdkdd_demo": cls.environment,
            "agency_nnmt_kiemlam_demo": cls.environment,
            "agency_nnmt_chanuoi_demo": cls.environment,
        }
        keys = {entry["agency"] for entry in cls.loader._read_demo_catalogue()["procedures"]}
        cls.agencies = {key: departments.get(key, cls.construction) for key in keys | set(departments)}
        cls.procedures = cls.loader._load_demo_catalogue(agencies=cls.agencies)
        cls.real_now = fields.Datetime.now()
        cls.dossiers = cls.loader._generate_demo_dossiers(
            count=30, seed=7, procedures=cls.procedures, reception_centre=cls.centre
        )

    def test_catalogue_holds_real_procedures_with_checklists_times_and_steps(self):
        catalogue = {entry["code"]: entry for entry in self.loader._read_demo_catalogue()["procedures"]}
        self.assertGreaterEqual(len(self.procedures), 40)
        self.assertEqual(set(self.procedures.mapped("code")), set(catalogue))
        for procedure in self.procedures:
            entry = catalogue[procedure.code]
            self.assertEqual(procedure.fee_text, entry["fee_text"], "fees stay as published")
            self.assertEqual(procedure.processing_time_text, entry["processing_time_text"])
            self.assertGreater(procedure.processing_time_legal, 0, "the published time was read")
            self.assertEqual(len(procedure.document_ids), len(entry["documents"]))
            self.assertTrue(all(d.copies >= 1 for d in procedure.document_ids))
            self.assertEqual(procedure.step_ids[:1].role, "reception")
            self.assertEqual(procedure.step_ids[-1:].agency_id.is_reception_centre, False)
        units = set(self.procedures.mapped("processing_time_unit"))
        self.assertTrue({"working_day", "calendar_day", "same_day"} <= units)
        self.assertEqual(set(self.procedures.mapped("online_level")), {"full", "partial", "none"})
        shortened = self.procedures.filtered(lambda p: 0 < p.processing_time_local < p.processing_time_legal)
        self.assertGreaterEqual(len(shortened), 5, "some procedures have a locally shortened time")
        copy_types = set(self.procedures.document_ids.mapped("copy_type"))
        self.assertTrue({"original", "photocopy", "certified"} <= copy_types)

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
        original = public_admin_demo_loader.fields.Datetime.now
        self.assertNotIsInstance(getattr(original, "__self__", None), public_admin_demo_loader._DemoClock)
        with (
            patch.object(
                public_admin_demo_loader._DemoHistory,
                "play",
                side_effect=ValueError("broken history"),
            ),
            self.assertRaises(ValueError),
        ):
            self.loader._generate_demo_dossiers(
                count=3, seed=8, procedures=self.procedures, reception_centre=self.centre
            )
        self.assertIs(fields.Datetime.now, original)
        self.assertLess(abs((fields.Datetime.now() - self.real_now).total_seconds()), 3600)
