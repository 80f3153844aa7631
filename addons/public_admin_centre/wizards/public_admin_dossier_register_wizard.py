from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminDossierRegisterWizard(models.TransientModel):
    """The dossier register (sổ theo dõi hồ sơ) of a period, as PDF or Excel."""

    _name = "public_admin.dossier.register.wizard"
    _description = "Print the dossier register for a period"

    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    agency_id = fields.Many2one(
        "public_admin.agency",
        string="Receiving unit",
        help="Only the dossiers received by this unit or led by it (and their units). "
        "Empty: every dossier you can see.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The period must start before it ends."))

    def action_print(self):
        self.ensure_one()
        return self.env.ref("public_admin_centre.public_admin_dossier_register_report").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref("public_admin_centre.public_admin_dossier_register_report_xlsx").report_action(self)

    # ------------------------------------------------------------------ content of the register
    def _local_tz(self):
        calendar = (
            self.agency_id.calendar_id
            or self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        )
        return pytz.timezone(calendar.tz or "Asia/Ho_Chi_Minh")

    def _utc_bounds(self):
        """The period's local days as naive UTC datetimes [start, end)."""
        self.ensure_one()
        tz = self._local_tz()
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _get_dossiers(self):
        """Dossiers received in the period, in the order they were entered in the register."""
        self.ensure_one()
        start, end = self._utc_bounds()
        domain = [("date_received", ">=", start), ("date_received", "<", end)]
        if self.agency_id:
            domain += [
                "|",
                ("receiving_agency_id", "child_of", self.agency_id.id),
                ("agency_id", "child_of", self.agency_id.id),
            ]
        return self.env["public_admin.dossier"].search(domain, order="date_received, id")

    def _register_rows(self):
        """One dict per dossier; the PDF and the Excel register print the same rows."""
        rows = []
        for number, dossier in enumerate(self._get_dossiers(), start=1):
            contact = ", ".join(part for part in (dossier.applicant_address, dossier.applicant_phone) if part)
            rows.append(
                {
                    "number": number,
                    "code": dossier.name or "",
                    "procedure": dossier.procedure_id.name or "",
                    "sets": dossier.set_count,
                    "applicant": dossier.applicant_name or "",
                    "contact": contact,
                    "lead_agency": dossier.agency_id.name or "",
                    "received": dossier._format_local(dossier.date_received),
                    "appointment": dossier._format_local(dossier.date_due),
                    "returned": dossier._format_local(dossier.date_returned),
                    "receiving_officer": dossier.receiving_user_id.name or "",
                }
            )
        return rows
