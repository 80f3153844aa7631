import threading
from datetime import date

from freezegun import freeze_time
from psycopg2 import errors as pg_errors

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PublicAdminCase


@tagged("post_install", "-at_install")
class TestDossierCode(PublicAdminCase):
    def test_code_is_agency_code_date_and_daily_number(self):
        with freeze_time(self.local(2026, 10, 8, 9, 0)):
            first = self.received_dossier()
            second = self.received_dossier()
        self.assertEqual(first.name, "000.00.00.H56-261008-0001")
        self.assertEqual(second.name, "000.00.00.H56-261008-0002")

    def test_number_restarts_every_day_in_local_time(self):
        with freeze_time(self.local(2026, 10, 8, 16, 0)):
            self.received_dossier()
            self.received_dossier()
        # 06:30 local on the 9th is still the 8th in UTC: the local day decides.
        with freeze_time(self.local(2026, 10, 9, 6, 30)):
            next_day = self.received_dossier()
        self.assertEqual(next_day.name, "000.00.00.H56-261009-0001")

    def test_each_agency_counts_its_own_dossiers(self):
        # This front desk also receives for Sở Y tế's own one-stop counter.
        self.front_desk.public_admin_agency_ids |= self.health
        with freeze_time(self.local(2026, 10, 8, 9, 0)):
            at_centre = self.received_dossier()
            at_department = self.received_dossier(receiving_agency_id=self.health.id)
            again_at_centre = self.received_dossier()
        self.assertEqual(at_centre.name, "000.00.00.H56-261008-0001")
        self.assertEqual(at_department.name, "000.00.14.H56-261008-0001")
        self.assertEqual(again_at_centre.name, "000.00.00.H56-261008-0002")

    def test_code_unique_per_company(self):
        with freeze_time(self.local(2026, 10, 8, 9, 0)):
            dossier = self.received_dossier()
            other = self.create_dossier()
        with self.assertRaises(pg_errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            other.with_context(public_admin_state_change=True).write({"name": dossier.name})
            other.flush_recordset()

    @mute_logger("odoo.sql_db")
    def test_two_counters_receiving_at_once_never_share_a_number(self):
        """Two transactions take a number for the same agency and day at the same time.

        The second waits for the first; when the first commits, the second fails to serialize
        (Odoo retries such transactions) and its retry gets the next number: never a duplicate.
        """
        day = date(2031, 1, 2)
        registry = self.registry
        with registry.cursor() as setup_cr:
            setup_env = self.env(cr=setup_cr)
            agency = setup_env["public_admin.agency"].create({"name": "Counter test agency", "code": "999.99.99.T01"})
            agency_id = agency.id
            setup_cr.commit()
        try:
            cr1, cr2 = registry.cursor(), registry.cursor()
            try:
                env1, env2 = self.env(cr=cr1), self.env(cr=cr2)
                # Both transactions have started (taken their snapshot) before either gets a number.
                cr1.execute("SELECT 1")
                cr2.execute("SELECT 1")
                first = env1["public_admin.dossier.counter"]._next_number(
                    env1["public_admin.agency"].browse(agency_id), day
                )
                outcome = {}

                def second_counter():
                    try:
                        outcome["number"] = env2["public_admin.dossier.counter"]._next_number(
                            env2["public_admin.agency"].browse(agency_id), day
                        )
                    except pg_errors.SerializationFailure as error:
                        outcome["error"] = error

                thread = threading.Thread(target=second_counter)
                thread.start()
                thread.join(timeout=1.0)
                self.assertTrue(thread.is_alive(), "the second counter waits for the first one")
                cr1.commit()
                thread.join(timeout=10)
                self.assertFalse(thread.is_alive())
                self.assertIn("error", outcome, "a concurrent number must not be handed out twice")
                cr2.rollback()
                retried = env2["public_admin.dossier.counter"]._next_number(
                    env2["public_admin.agency"].browse(agency_id), day
                )
                cr2.commit()
                self.assertEqual((first, retried), (1, 2))
            finally:
                cr1.close()
                cr2.close()
        finally:
            with registry.cursor() as cleanup_cr:
                cleanup_cr.execute("DELETE FROM public_admin_dossier_counter WHERE agency_id = %s", [agency_id])
                cleanup_cr.execute("DELETE FROM public_admin_agency WHERE id = %s", [agency_id])
                cleanup_cr.commit()
