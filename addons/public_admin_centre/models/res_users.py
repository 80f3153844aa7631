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
