from contextlib import contextmanager
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.public_admin_centre.tests.common import PublicAdminCommon


class QueueCommon(PublicAdminCommon):
    """A centre with two services, three counters, two officers seated, a kiosk and two displays."""

    @classmethod
    def setup_queue_data(cls):
        cls.setup_public_admin_data()
        manager_env = cls.env(user=cls.manager)
        Counter = manager_env["public_admin.counter"]
        cls.counter_1 = Counter.create({"reception_centre_id": cls.centre.id, "number": 1, "name": "Quầy 1 – Xây dựng"})
        cls.counter_2 = Counter.create({"reception_centre_id": cls.centre.id, "number": 2, "name": "Quầy 2 – Xây dựng"})
        cls.counter_3 = Counter.create({"reception_centre_id": cls.centre.id, "number": 3, "name": "Quầy 3 – Y tế"})
        Service = manager_env["public_admin.queue.service"]
        cls.service_b = Service.create(
            {
                "name": "Xây dựng",
                "prefix": "b",
                "reception_centre_id": cls.centre.id,
                "agency_ids": [Command.set(cls.construction.ids)],
                "counter_ids": [Command.set((cls.counter_1 | cls.counter_2).ids)],
            }
        )
        cls.service_y = Service.create(
            {
                "name": "Y tế",
                "prefix": "Y",
                "reception_centre_id": cls.centre.id,
                "agency_ids": [Command.set(cls.health.ids)],
                "counter_ids": [Command.set(cls.counter_3.ids)],
            }
        )
        cls.front_desk_2 = new_test_user(
            cls.env, login="pa_front_desk_2", groups="public_admin_centre.group_front_desk", name="Ngô Văn Quầy Hai"
        )
        cls.front_desk_2.public_admin_agency_ids = cls.centre
        cls.front_desk.with_user(cls.front_desk).public_admin_counter_id = cls.counter_1
        cls.front_desk_2.with_user(cls.front_desk_2).public_admin_counter_id = cls.counter_2
        Device = manager_env["public_admin.device"]
        cls.kiosk = Device.create({"name": "Máy lấy số", "kind": "queue_kiosk", "reception_centre_id": cls.centre.id})
        cls.display = Device.create(
            {"name": "Màn hình phòng chờ", "kind": "queue_display", "reception_centre_id": cls.centre.id}
        )
        cls.ward = cls.env["public_admin.agency"].create(
            {
                "name": "Một cửa phường",
                "code": "000.21.09.H56",
                "is_reception_centre": True,
                "calendar_id": cls.calendar.id,
            }
        )
        cls.other_display = Device.create(
            {"name": "Màn hình phường", "kind": "queue_display", "reception_centre_id": cls.ward.id}
        )

    @classmethod
    def local(cls, *args):
        return datetime(*args) - timedelta(hours=7)

    def issue(self, service=None, **kw):
        return self.env["public_admin.queue.ticket"]._issue(service or self.service_b, device=self.kiosk, **kw)

    @contextmanager
    def at(self, *args):
        with freeze_time(self.local(*args)):
            yield

    def call_next(self, user=None):
        return self.env["public_admin.queue.ticket"].with_user(user or self.front_desk).action_call_next()


class QueueCase(QueueCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_queue_data()
