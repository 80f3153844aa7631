from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PublicAdminCase


@tagged("post_install", "-at_install")
class TestCounters(PublicAdminCase):
    """The centre's counters (quầy): where the front desk sits, recorded on what it serves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Counter = cls.env["public_admin.counter"].with_user(cls.manager)
        cls.counter_1 = Counter.create({"reception_centre_id": cls.centre.id, "number": 1, "name": "Quầy 1 – Xây dựng"})
        cls.counter_2 = Counter.create({"reception_centre_id": cls.centre.id, "number": 2, "name": "Quầy 2 – Trả KQ"})
        cls.ward = cls.env["public_admin.agency"].create(
            {"name": "Bộ phận một cửa phường Hạc Thành", "code": "000.21.01.H56", "is_reception_centre": True}
        )
        cls.ward_counter = Counter.create({"reception_centre_id": cls.ward.id, "number": 1, "name": "Quầy 1"})

    def sit_at(self, counter):
        # The officer picks the counter from their own preferences.
        self.front_desk.with_user(self.front_desk).write({"public_admin_counter_id": counter.id})

    def test_front_desk_records_its_counter_on_reception_and_return(self):
        self.sit_at(self.counter_1)
        dossier = self.received_dossier()
        self.assertEqual(dossier.reception_counter_id, self.counter_1)
        self.assertFalse(dossier.return_counter_id)
        dossier.sudo()._set_state("done", date_finished=dossier._now(), current_step_id=False)
        self.sit_at(self.counter_2)
        dossier.with_user(self.front_desk).action_return_result()
        self.assertEqual(dossier.return_counter_id, self.counter_2)
        self.assertEqual(dossier.reception_counter_id, self.counter_1, "the reception counter is kept")

    def test_result_sent_by_post_has_no_return_counter(self):
        self.sit_at(self.counter_1)
        dossier = self.received_dossier()
        dossier.sudo()._set_state("done", date_finished=dossier._now(), current_step_id=False)
        dossier.with_user(self.front_desk).action_return_result(method="post", tracking_number="EB123456789VN")
        self.assertFalse(dossier.return_counter_id)

    def test_counter_of_another_centre_is_not_recorded(self):
        self.sit_at(self.ward_counter)
        dossier = self.received_dossier()
        self.assertFalse(dossier.reception_counter_id, "the dossier was not served at the ward's counter")

    def test_no_counter_set_records_none(self):
        dossier = self.received_dossier()
        self.assertFalse(dossier.reception_counter_id)

    def test_number_is_unique_per_centre(self):
        self.env["public_admin.counter"].create({"reception_centre_id": self.ward.id, "number": 2, "name": "Quầy 2"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["public_admin.counter"].create({"reception_centre_id": self.centre.id, "number": 1, "name": "Bis"})

    def test_only_managers_arrange_counters(self):
        self.assertEqual(self.counter_1.with_user(self.officer_construction).name, "Quầy 1 – Xây dựng")
        for user in (self.front_desk, self.officer_construction, self.head_construction):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.counter_1.with_user(user).write({"number": 9})
        self.counter_1.with_user(self.manager).write({"name": "Quầy 1 – Xây dựng, Giao thông"})
        with self.assertRaises(AccessError):
            self.counter_1.with_user(self.manager).unlink()
