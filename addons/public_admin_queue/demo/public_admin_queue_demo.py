import random
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models


class PublicAdminDemoLoader(models.AbstractModel):
    _inherit = "public_admin.demo.loader"

    @api.model
    def _generate_demo_queue_day(self, centre_xmlid="public_admin_centre.agency_centre_demo", count=120, seed=13):
        """A served day of tickets (the last working day before today) so the figures are not empty."""
        centre = self.env.ref(centre_xmlid)
        services = self.env["public_admin.queue.service"].search([("reception_centre_id", "=", centre.id)])
        counters = self.env["public_admin.counter"].search([("reception_centre_id", "=", centre.id)])
        officers = self.env["res.users"].search([("public_admin_counter_id", "in", counters.ids)])
        if not services or not counters:
            return
        rng = random.Random(seed)
        tz = pytz.timezone(centre.calendar_id.tz or "Asia/Ho_Chi_Minh")
        day = datetime.now(tz).date() - timedelta(days=1)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        Ticket = self.env["public_admin.queue.ticket"].sudo().with_context(public_admin_queue_action=True)
        Counter = self.env["public_admin.queue.ticket.counter"].sudo()
        start = tz.localize(datetime.combine(day, time(7, 15))).astimezone(pytz.utc).replace(tzinfo=None)
        for index in range(count):
            service = rng.choice(services)
            issued = start + timedelta(minutes=int(index * 540 / count) + rng.randint(0, 4))
            if 4 * 60 + 15 <= (issued - start).total_seconds() / 60 <= 6 * 60 + 15:
                issued += timedelta(hours=2)  # lunch break: the kiosk is closed
            number = Counter._next_number(service, day)
            counter = rng.choice(service.counter_ids or counters)
            no_show = rng.random() < 0.06
            called = issued + timedelta(minutes=rng.randint(2, 35))
            serving = called + timedelta(minutes=1)
            vals = {
                "name": f"{service.prefix}-{number:03d}",
                "number": number,
                "service_id": service.id,
                "day": day,
                "date_issued": issued,
                "date_queued": issued,
                "date_called": called,
                "date_first_called": called,
                "call_count": 2 if no_show else 1,
                "counter_id": counter.id,
                "user_id": (
                    officers.filtered(lambda u, c=counter: u.public_admin_counter_id == c)[:1] or officers[:1]
                ).id,
                "is_priority": rng.random() < 0.08,
                "state": "no_show" if no_show else "done",
            }
            if not no_show:
                vals.update(date_serving=serving, date_done=serving + timedelta(minutes=rng.randint(3, 18)))
            Ticket.create(vals)
