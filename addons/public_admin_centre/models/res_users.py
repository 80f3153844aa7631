from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    public_admin_agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_agency_users_rel",
        "user_id",
        "agency_id",
        string="Agencies",
        help="Agencies this officer works for; they decide which dossiers the officer sees.",
    )
    public_admin_counter_id = fields.Many2one(
        "public_admin.counter",
        string="My counter",
        help="The counter this front-desk officer sits at now; dossiers received and results "
        "returned are recorded at it.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # The officer says where they sit today from their own preferences.
        return super().SELF_WRITEABLE_FIELDS + ["public_admin_counter_id"]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["public_admin_counter_id"]

    def _public_admin_counter_at(self, reception_centre):
        """The counter this user sits at, if it belongs to ``reception_centre`` (else none: a
        counter of another centre is not where this dossier was served)."""
        self.ensure_one()
        counter = self.public_admin_counter_id
        return counter if counter.reception_centre_id == reception_centre else counter.browse()

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._public_admin_set_counter_home()
        return users

    def _public_admin_set_counter_home(self):
        """Front-desk officers land on the counter's board (the online queue in view), not on
        Discuss. Only for users without a home action, and not for agency officers or managers,
        whose work is elsewhere."""
        counter = self.env.ref("public_admin_centre.public_admin_dossier_action_counter", raise_if_not_found=False)
        if not counter:
            return
        for user in self.filtered(lambda u: not u.action_id and not u.share):
            if user.has_group("public_admin_centre.group_front_desk") and not user.has_group(
                "public_admin_centre.group_agency_officer"
            ):
                user.action_id = counter.id
