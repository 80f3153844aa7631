from odoo import api, fields, models


class PublicAdminDevice(models.Model):
    _inherit = "public_admin.device"

    kind = fields.Selection(
        selection_add=[
            ("queue_kiosk", "Ticket kiosk"),
            ("queue_display", "Waiting-room display"),
            ("procedure_lookup", "Procedure lookup screen"),
        ],
        ondelete={"queue_kiosk": "cascade", "queue_display": "cascade", "procedure_lookup": "cascade"},
    )
    queue_service_ids = fields.Many2many(
        "public_admin.queue.service",
        string="Services shown",
        help="Ticket kiosk: the services offered (empty: every service of its centre).",
    )

    def _queue_services(self):
        self.ensure_one()
        device = self.sudo()  # the device was found by its token: its own configuration
        if device.queue_service_ids:
            return device.queue_service_ids.filtered("active")
        return (
            self.env["public_admin.queue.service"]
            .sudo()
            .search([("reception_centre_id", "=", device.reception_centre_id.id)])
        )

    queue_url = fields.Char(
        string="Address of the screen",
        compute="_compute_queue_url",
        groups="public_admin_centre.group_centre_manager",
        help="Open it on the kiosk, the TV or the lookup screen, in full screen.",
    )

    @api.depends("kind", "access_token")
    def _compute_queue_url(self):
        paths = {"queue_kiosk": "kiosk", "queue_display": "man-hinh", "procedure_lookup": "tra-cuu"}
        for device in self:
            path = paths.get(device.kind)
            device.queue_url = f"{device.get_base_url()}/xep-hang/{path}/{device.access_token}" if path else False
