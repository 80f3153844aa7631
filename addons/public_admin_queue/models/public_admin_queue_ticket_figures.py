import math
from collections import defaultdict

from odoo import api, models


def _percentile(values, share):
    """The nearest-rank percentile (90th: the value 90% of the tickets do not exceed)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def _stats(values):
    return {
        "count": len(values),
        "mean": round(sum(values) / len(values), 1) if values else 0.0,
        "p90": round(_percentile(values, 0.9), 1),
    }


# pylint: disable=consider-merging-classes-inherited


class PublicAdminQueueTicket(models.Model):
    """The waiting room's figures, for the managers' dashboard and the pivot views."""

    _inherit = "public_admin.queue.ticket"

    @api.model
    def _queue_figures(self, date_from, date_to, reception_centre=None):
        """Figures of the tickets taken between two local days (both included).

        :returns: dict with ``tickets`` (count), ``served``, ``no_show``, ``waiting`` (left
            waiting), ``wait_minutes`` / ``serve_minutes`` (each ``{count, mean, p90}``, over
            the tickets called / served), ``by_service`` and ``by_hour`` (ticket counts),
            ``by_counter`` and ``by_officer`` (served, no-shows, mean and p90 serving time).
            The dashboard of the reports shows them; the caller's rights on tickets apply.
        """
        domain = [("day", ">=", date_from), ("day", "<=", date_to)]
        if reception_centre:
            domain.append(("reception_centre_id", "=", reception_centre.id))
        tickets = self.search(domain)
        called = tickets.filtered("date_first_called")
        served = tickets.filtered(lambda t: t.state == "done" and t.date_serving)
        figures = {
            "tickets": len(tickets),
            "served": len(served),
            "no_show": len(tickets.filtered(lambda t: t.state == "no_show")),
            "waiting": len(tickets.filtered(lambda t: t.state == "waiting")),
            "wait_minutes": _stats(called.mapped("wait_minutes")),
            "serve_minutes": _stats(served.mapped("serve_minutes")),
            "by_service": defaultdict(int),
            "by_hour": defaultdict(int),
        }
        for ticket in tickets:
            figures["by_service"][ticket.service_id.name] += 1
            figures["by_hour"][ticket.hour] += 1
        for key, field in (("by_counter", "counter_id"), ("by_officer", "user_id")):
            groups = defaultdict(lambda: {"served": [], "no_show": 0})
            for ticket in tickets.filtered(field):
                name = ticket[field].display_name
                if ticket in served:
                    groups[name]["served"].append(ticket.serve_minutes)
                elif ticket.state == "no_show":
                    groups[name]["no_show"] += 1
            figures[key] = {
                name: {
                    "served": len(data["served"]),
                    "no_show": data["no_show"],
                    "serve_minutes": _stats(data["served"]),
                }
                for name, data in groups.items()
            }
        figures["by_service"] = dict(figures["by_service"])
        figures["by_hour"] = dict(sorted(figures["by_hour"].items()))
        return figures
