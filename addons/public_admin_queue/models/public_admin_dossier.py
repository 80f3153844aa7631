from odoo import api, fields, models


class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    queue_ticket_ids = fields.One2many("public_admin.queue.ticket", "dossier_id", string="Waiting-room tickets")

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        ticket_id = self.env.context.get("public_admin_queue_ticket_id")
        if ticket_id and len(dossiers) == 1:
            # The reception was opened from the ticket served at the officer's counter: the
            # check is that the ticket is at this user's counter and being served.
            ticket = self.env["public_admin.queue.ticket"].browse(ticket_id).exists()
            if ticket and not ticket.dossier_id:
                ticket._check_at_my_counter(("serving",))
                ticket._link_dossier(dossiers)
        return dossiers
