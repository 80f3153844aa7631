from odoo import fields, models


class PublicAdminSector(models.Model):
    _name = "public_admin.sector"
    _description = "Sector of procedures"
    _order = "name"
    _rec_names_search = ["name", "code", "ministry"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Sector code, e.g. G03-GD10.")
    ministry = fields.Char(help="Ministry or central agency in charge of the sector.")
    procedure_count = fields.Integer(compute="_compute_procedure_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique(name)", "A sector with this name already exists.")]

    def _compute_procedure_count(self):
        counts = dict(
            self.env["public_admin.procedure"]._read_group([("sector_id", "in", self.ids)], ["sector_id"], ["__count"])
        )
        for sector in self:
            sector.procedure_count = counts.get(sector, 0)
