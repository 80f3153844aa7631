from odoo.tests import HttpCase, tagged

from .common import PublicAdminCommon


@tagged("post_install", "-at_install")
class TestDossierBackendTour(PublicAdminCommon, HttpCase):
    """A dossier received at the counter goes through two agencies and back, in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_public_admin_data()
        # The procedure's checklist has three required documents and one optional.

    def dossier_url(self, dossier):
        return f"/odoo/action-public_admin_centre.public_admin_dossier_action/{dossier.id}"

    def test_counter_to_two_agencies_and_back(self):
        self.start_tour(
            "/odoo/action-public_admin_centre.public_admin_dossier_action/new",
            "public_admin_counter_reception_tour",
            login="pa_front_desk",
        )
        dossier = self.env["public_admin.dossier"].search([("partner_id", "=", self.applicant.id)])
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "received")
        self.assertRegex(dossier.name, r"^000\.00\.00\.H56-\d{6}-\d{4}$")
        self.assertEqual(dossier.receiving_user_id, self.front_desk)
        self.assertEqual(dossier.form_log_ids.mapped("form_type"), ["receipt"], "the printed receipt is logged")

        self.start_tour(self.dossier_url(dossier), "public_admin_agency_step_tour", login="pa_officer_xd")
        self.assertEqual(dossier.current_agency_id, self.environment)
        self.start_tour(self.dossier_url(dossier), "public_admin_agency_step_tour", login="pa_officer_mt")
        self.assertEqual(dossier.current_agency_id, self.construction)
        self.start_tour(self.dossier_url(dossier), "public_admin_agency_step_tour", login="pa_head_xd")
        self.assertEqual(dossier.state, "done")

        self.start_tour(self.dossier_url(dossier), "public_admin_return_result_tour", login="pa_front_desk")
        self.assertEqual(dossier.state, "returned")
        steps = dossier.step_ids.sorted()
        self.assertEqual(
            steps.mapped("user_id").mapped("login"),
            ["pa_front_desk", "pa_officer_xd", "pa_officer_mt", "pa_head_xd"],
        )
