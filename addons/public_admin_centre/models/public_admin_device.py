import secrets

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import consteq


class PublicAdminDevice(models.Model):
    """A screen of the centre that runs without a logged-in user: a kiosk or a display.

    Like the kiosks of ``pos_self_order`` and ``hr_attendance``, the device is known by an
    unguessable token in its address; a manager registers it, and revokes it by archiving it
    (or gives it a new token), after which its address shows nothing. The kinds of device are
    added by the addons that bring the screens (``selection_add`` on ``kind``); the live updates
    of a device go on the bus channel named by its token, which only that screen knows.
    """

    _name = "public_admin.device"
    _description = "Kiosk or display of the centre"
    _order = "reception_centre_id, kind, name, id"

    name = fields.Char(required=True, help="Where it stands, e.g. “Máy tính bảng quầy 3”.")
    kind = fields.Selection([], required=True)
    reception_centre_id = fields.Many2one(
        "public_admin.agency",
        string="Reception centre",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_reception_centre", "=", True)],
    )
    counter_id = fields.Many2one(
        "public_admin.counter",
        string="Counter",
        ondelete="restrict",
        domain="[('reception_centre_id', '=', reception_centre_id)]",
        help="For a screen that belongs to one counter (the citizens' tablet at the desk).",
    )
    access_token = fields.Char(
        string="Secret token",
        required=True,
        copy=False,
        readonly=True,
        groups="public_admin_centre.group_centre_manager",
        default=lambda self: self._new_token(),
    )
    active = fields.Boolean(default=True, help="Archive the device to revoke it: its address stops working at once.")
    last_seen = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        ("access_token_unique", "UNIQUE(access_token)", "Two devices cannot share a token."),
    ]

    @api.model
    def _new_token(self):
        return secrets.token_urlsafe(32)

    @api.constrains("counter_id", "reception_centre_id")
    def _check_counter_of_centre(self):
        for device in self.filtered("counter_id"):
            if device.counter_id.reception_centre_id != device.reception_centre_id:
                raise ValidationError(
                    self.env._(
                        "Counter %(counter)s is not a counter of %(centre)s.",
                        counter=device.counter_id.display_name,
                        centre=device.reception_centre_id.display_name,
                    )
                )

    def action_renew_token(self):
        """Give the device a new address; the old one stops working (a leaked link, a stolen tablet)."""
        for device in self:
            device.access_token = self._new_token()
        return True

    @api.model
    def _from_token(self, token, kind):
        """The active device of ``kind`` with this token, or an empty recordset.

        Called by public routes before anything else: the token is the device's only credential,
        so the lookup runs as superuser and compares in constant time.
        """
        if not token or not isinstance(token, str) or len(token) > 128:
            return self.browse()
        device = self.sudo().search([("access_token", "=", token), ("kind", "=", kind)], limit=1)
        if not device or not consteq(device.access_token, token):
            return self.browse()
        return device

    def _bus_channel(self):
        """The bus channel of this device: named by its secret token, so only the screen that
        holds the token can listen to it."""
        self.ensure_one()
        return f"public_admin_device_{self.sudo().access_token}"

    def _touch(self):
        """Record that the screen was seen (at most once a minute, to keep writes rare)."""
        now = fields.Datetime.now()
        stale = self.sudo().filtered(lambda d: not d.last_seen or (now - d.last_seen).total_seconds() > 60)
        stale.write({"last_seen": now})
