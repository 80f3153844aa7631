import base64

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

# The levels of government a centre may serve, as the wizard's tick boxes.
LEVEL_FIELDS = {
    "central": "serve_central",
    "province": "serve_province",
    "district": "serve_district",
    "commune": "serve_commune",
    "other": "serve_other",
}


class PublicAdminCatalogueImportWizard(models.TransientModel):
    """Import the national database's published catalogue: preview, then import."""

    _name = "public_admin.catalogue.import.wizard"
    _description = "Import of the national procedure catalogue"

    file = fields.Binary(string="Catalogue file", attachment=False)
    filename = fields.Char()
    serve_central = fields.Boolean(string="Ministry level (Cấp bộ)", default=lambda self: self._serves("central"))
    serve_province = fields.Boolean(string="Province level (Cấp tỉnh)", default=lambda self: self._serves("province"))
    serve_district = fields.Boolean(string="District level (Cấp huyện)", default=lambda self: self._serves("district"))
    serve_commune = fields.Boolean(string="Commune level (Cấp xã)", default=lambda self: self._serves("commune"))
    serve_other = fields.Boolean(string="Other agencies (Cơ quan khác)", default=lambda self: self._serves("other"))
    date_effective_from = fields.Date(
        string="Effective from",
        required=True,
        default=fields.Date.context_today,
        help="When a row does not give its effective date: the date new procedures and new versions take effect.",
    )
    state = fields.Selection(
        [("upload", "Choose the file"), ("preview", "Preview"), ("done", "Imported")],
        default="upload",
        required=True,
    )
    count_new = fields.Integer(string="New", readonly=True)
    count_changed = fields.Integer(string="Changed", readonly=True)
    count_unchanged = fields.Integer(string="Unchanged", readonly=True)
    count_refused = fields.Integer(string="Refused", readonly=True)
    count_not_served = fields.Integer(string="Not served here", readonly=True)
    count_new_agencies = fields.Integer(string="New agencies", readonly=True)
    count_new_sectors = fields.Integer(string="New sectors", readonly=True)
    count_needs_review = fields.Integer(string="Processing times to review", readonly=True)
    duration = fields.Float(string="Seconds", readonly=True, digits=(16, 1))
    report_html = fields.Html(string="Report", sanitize=False, readonly=True)
    report_file = fields.Binary(string="Report file", readonly=True, attachment=False)
    report_filename = fields.Char(readonly=True)

    @api.model
    def _serves(self, level):
        return level in self.env["public_admin.catalogue.import"]._default_levels()

    def _levels(self):
        self.ensure_one()
        return tuple(level for level, name in LEVEL_FIELDS.items() if self[name])

    def _read_plan(self, dry_run):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the catalogue file to import (CSV, JSON or .xlsx)."))
        if not self._levels():
            raise UserError(self.env._("Tick at least one level of government this centre serves."))
        return self.env["public_admin.catalogue.import"]._run(
            base64.b64decode(self.file),
            self.filename or "",
            levels=self._levels(),
            date_from=self.date_effective_from,
            dry_run=dry_run,
        )

    def _show(self, plan, state):
        engine = self.env["public_admin.catalogue.import"]
        counts = plan.counts()
        needs_review = sum(
            1
            for row in plan.rows
            if row.outcome in ("new", "changed")
            and row.groups.get("time", {}).get("processing_time_status") == "needs_review"
        )
        self.write(
            {
                "state": state,
                "count_new": counts["new"],
                "count_changed": counts["changed"],
                "count_unchanged": counts["unchanged"],
                "count_refused": counts["refused"],
                "count_not_served": counts["not_served"],
                "count_new_agencies": len(plan.new_agencies),
                "count_new_sectors": len(plan.new_sectors),
                "count_needs_review": needs_review,
                "duration": plan.seconds,
                "report_html": self._render_report(plan),
                "report_file": base64.b64encode(engine._report_csv(plan)),
                "report_filename": "%s-%s.csv"
                % ((self.filename or "catalogue").rsplit(".", 1)[0], self.env._("report")),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import the national catalogue"),
        }

    def action_preview(self):
        """Read the file and show what the import would do; nothing is written."""
        return self._show(self._read_plan(dry_run=True), "preview")

    def action_import(self):
        """Import the rows that can be imported; the others are listed with their reason."""
        return self._show(self._read_plan(dry_run=False), "done")

    def action_back(self):
        self.write({"state": "upload", "report_html": False, "report_file": False})
        return self._show_form()

    def _show_form(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_open_needs_review(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "public_admin_centre.public_admin_procedure_action_time_review"
        )
        return action

    # ------------------------------------------------------------------ report
    def _render_report(self, plan):
        """Every problem grouped by kind, each with all the rows it concerns."""
        engine = self.env["public_admin.catalogue.import"]
        parts = []
        for severity, label, sections in engine._problem_groups(plan):
            parts.append(Markup('<h4 class="mt-3 o_pa_import_severity_%s">%s</h4>') % (severity, label))
            for kind, title, advice, entries in sections:
                rows = Markup("").join(self._render_entry(detail, rows) for detail, rows in entries)
                parts.append(
                    Markup(
                        '<details class="mb-2 o_pa_import_problem" data-kind="%s"%s>'
                        '<summary><b>%s</b> <span class="badge text-bg-secondary">%s</span></summary>'
                        '<p class="text-muted small mb-1">%s</p><ul class="small">%s</ul></details>'
                    )
                    % (kind, Markup(" open") if severity == "refused" else "", title, len(entries), advice, rows)
                )
        if not parts:
            parts.append(Markup("<p>%s</p>") % self.env._("No problem found."))
        return Markup("").join(parts)

    def _render_entry(self, detail, rows):
        where = ", ".join(
            self.env._("row %(row)s", row=row.number) + (f" ({row.code})" if row.code else "") for row in rows
        )
        if where:
            return Markup("<li><b>%s</b>%s</li>") % (where, Markup(" — %s") % detail if detail else "")
        return Markup("<li>%s</li>") % escape(detail)
