from odoo import models
from odoo.exceptions import AccessError


class PublicAdminReportScopeMixin(models.AbstractModel):
    """Who reads which figures: centre managers all, agency heads their own agencies only.

    The models using it have an ``agency_ids`` field (empty: the whole centre).
    """

    _name = "public_admin.report.scope.mixin"
    _description = "Scope of a report by agency"

    def _allowed_agencies(self):
        """The agencies whose figures the user may see; None for all (managers)."""
        if self.env.su or self.env.user.has_group("public_admin_centre.group_centre_manager"):
            return None
        if not self.env.user.has_group("public_admin_centre.group_agency_head"):
            raise AccessError(self.env._("Only centre managers and agency heads read the statistics."))
        return self.env["public_admin.dossier"]._my_agencies()

    def _check_scope(self):
        """Agency heads get their own agencies' figures only (an empty scope becomes theirs)."""
        allowed = self._allowed_agencies()
        if allowed is None:
            return
        for report in self:
            if not report.agency_ids:
                report.agency_ids = self.env.user.public_admin_agency_ids
            elif report.agency_ids - allowed:
                raise AccessError(
                    self.env._(
                        "You may only read the figures of your own agencies, not those of %(agencies)s.",
                        agencies=", ".join((report.agency_ids - allowed).mapped("name")),
                    )
                )
