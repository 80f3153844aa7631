import json
from datetime import timedelta

import pytz

from odoo import api, fields, models

from ..tools.report_period import ReportPeriod
from .public_admin_dossier import OPEN_STATES, RUNNING_STATES
from .public_admin_self_score import _jsonable

DOSSIER = "public_admin.dossier"


class PublicAdminManagerDashboard(models.TransientModel):
    """The manager's day: what came in today, what falls due, what is late and where.

    Sections come from ``_dashboard_sections(period)``: a list of dicts
    ``{"key", "title", "sequence", "tiles": [{"label", "value", "unit", "model", "domain"}]}``.
    Another addon adds its own by overriding it and appending to ``super()``'s list (the
    waiting room adds its waiting times). Each tile opens the records behind its number.
    """

    _name = "public_admin.manager.dashboard"
    _description = "Manager's day"
    _inherit = ["public_admin.report.scope.mixin"]

    agency_ids = fields.Many2many("public_admin.agency", string="Agencies", help="Empty: the whole centre.")
    hours_ahead = fields.Float(string="Due within (working hours)", default=8.0)
    supplement_days = fields.Integer(string="Waiting for a supplement for more than (days)", default=10)
    tile_ids = fields.One2many("public_admin.manager.dashboard.tile", "dashboard_id", string="Figures", readonly=True)

    @api.model
    def action_open(self):
        dashboard = self.create({})
        dashboard.action_refresh()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Manager's day"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_refresh(self):
        self.ensure_one()
        self._check_scope()
        tz = self.env[DOSSIER]._local_tz()
        today = pytz.utc.localize(self._now()).astimezone(tz).date()
        period = ReportPeriod.from_dates(today, today, self.agency_ids, tz.zone)
        commands = [fields.Command.clear()]
        for section in sorted(self._dashboard_sections(period), key=lambda s: s["sequence"]):
            for index, tile in enumerate(section["tiles"]):
                commands.append(
                    fields.Command.create(
                        {
                            "section": section["title"],
                            "sequence": section["sequence"] * 1000 + index,
                            "label": tile["label"],
                            "value": tile["value"],
                            "unit": tile.get("unit") or "",
                            "res_model": tile.get("model") or "",
                            "domain": json.dumps(_jsonable(tile.get("domain") or [])),
                        }
                    )
                )
        self.tile_ids = commands
        return True

    # ------------------------------------------------------------------ sections
    def _now(self):
        return self.env[DOSSIER]._now()

    def _dashboard_sections(self, period):
        """The sections of the dashboard for ``period`` (today); extend with ``super()``."""
        scope = period.agency_domain()
        now = self._now()
        return [
            self._section_received_today(period, scope),
            self._section_due(period, scope, now),
            self._section_overdue(scope, now),
            self._section_supplement(scope, now),
            self._section_processing_time(scope, now),
        ]

    def _count_by(self, domain, group_field, label_empty):
        """One tile per value of ``group_field`` (a many2one), counted in one query."""
        tiles = []
        for record, count in self.env[DOSSIER]._read_group(domain, [group_field], ["__count"]):
            tiles.append(
                {
                    "label": record.display_name or label_empty,
                    "value": count,
                    "model": DOSSIER,
                    "domain": domain + [(group_field, "=", record.id)],
                }
            )
        return tiles

    def _section_received_today(self, period, scope):
        domain = scope + [("date_received", ">=", period.start_utc), ("date_received", "<", period.end_utc)]
        total = self.env[DOSSIER].search_count(domain)
        tiles = [{"label": self.env._("All"), "value": total, "model": DOSSIER, "domain": domain}]
        tiles += self._count_by(domain, "reception_counter_id", self.env._("No counter recorded"))
        tiles += self._count_by(domain, "receiving_agency_id", self.env._("No receiving unit"))
        tiles += self._count_by(domain, "agency_id", self.env._("No lead agency"))
        return {
            "key": "received_today",
            "title": self.env._("Received today, by counter and agency"),
            "sequence": 10,
            "tiles": tiles,
        }

    def _section_due(self, period, scope, now):
        open_domain = scope + [("state", "in", OPEN_STATES)]
        due_today = open_domain + [("date_due", ">=", period.start_utc), ("date_due", "<", period.end_utc)]
        calendar = self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
        horizon = self.env["public_admin.deadline"].add_working_hours(calendar, now, self.hours_ahead)
        due_soon = scope + [("state", "in", RUNNING_STATES), ("date_due", ">=", now), ("date_due", "<", horizon)]
        Dossier = self.env[DOSSIER]
        # No f-string inside _(): Odoo's term extractor evaluates every string of the call.
        hours_ahead = "%g" % self.hours_ahead
        return {
            "key": "due",
            "title": self.env._("Falling due"),
            "sequence": 20,
            "tiles": [
                {
                    "label": self.env._("Due today"),
                    "value": Dossier.search_count(due_today),
                    "model": DOSSIER,
                    "domain": due_today,
                },
                {
                    "label": self.env._("Due within %(hours)s working hours", hours=hours_ahead),
                    "value": Dossier.search_count(due_soon),
                    "model": DOSSIER,
                    "domain": due_soon,
                },
            ],
        }

    def _section_overdue(self, scope, now):
        # From the appointment itself rather than the flag the scheduled job keeps: exact now.
        domain = scope + [("state", "in", RUNNING_STATES), ("date_due", "<", now)]
        tiles = [
            {
                "label": self.env._("All overdue"),
                "value": self.env[DOSSIER].search_count(domain),
                "model": DOSSIER,
                "domain": domain,
            }
        ]
        tiles += self._count_by(domain, "current_agency_id", self.env._("No agency"))
        tiles += self._count_by(domain, "user_id", self.env._("Nobody holds it"))
        return {"key": "overdue", "title": self.env._("Overdue, by agency and officer"), "sequence": 30, "tiles": tiles}

    def _section_supplement(self, scope, now):
        threshold = now - timedelta(days=self.supplement_days)
        domain = scope + [
            ("state", "=", "supplement"),
            ("pause_ids", "any", [("date_end", "=", False), ("date_start", "<", threshold)]),
        ]
        return {
            "key": "supplement",
            "title": self.env._("Waiting for a supplement"),
            "sequence": 40,
            "tiles": [
                {
                    "label": self.env._("For more than %(days)s days", days=self.supplement_days),
                    "value": self.env[DOSSIER].search_count(domain),
                    "model": DOSSIER,
                    "domain": domain,
                }
            ],
        }

    def _section_processing_time(self, scope, now):
        """Average working hours taken against the time allowed, per procedure, over 90 days."""
        domain = scope + [("date_finished", ">=", now - timedelta(days=90))]
        groups = self.env[DOSSIER]._read_group(
            domain, ["procedure_id"], ["processing_hours:avg", "allowed_hours:avg"], order="processing_hours:avg desc"
        )
        tiles = []
        for procedure, taken, allowed in groups[:10]:
            allowed_text = "%.1f" % (allowed or 0.0)
            tiles.append(
                {
                    "label": self.env._(
                        "%(procedure)s (time allowed %(allowed)s h)",
                        procedure=procedure.display_name,
                        allowed=allowed_text,
                    ),
                    "value": round(taken or 0.0, 1),
                    "unit": "h",
                    "model": DOSSIER,
                    "domain": domain + [("procedure_id", "=", procedure.id)],
                }
            )
        return {
            "key": "processing_time",
            "title": self.env._("Average processing time (working hours, last 90 days)"),
            "sequence": 50,
            "tiles": tiles,
        }


class PublicAdminManagerDashboardTile(models.TransientModel):
    _name = "public_admin.manager.dashboard.tile"
    _description = "Figure of the manager's day"
    _order = "sequence, id"

    dashboard_id = fields.Many2one("public_admin.manager.dashboard", required=True, ondelete="cascade")
    sequence = fields.Integer()
    section = fields.Char()
    label = fields.Char()
    value = fields.Float(digits=(16, 1))
    unit = fields.Char()
    res_model = fields.Char()
    domain = fields.Text()

    def action_open(self):
        self.ensure_one()
        if not self.res_model:
            return False
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.section}: {self.label}",
            "res_model": self.res_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": json.loads(self.domain or "[]"),
            "context": {"create": False},
        }
