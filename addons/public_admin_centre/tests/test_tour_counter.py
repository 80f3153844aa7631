from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import PDF, PublicAdminCommon


@tagged("post_install", "-at_install")
class TestCounterTours(PublicAdminCommon, HttpCase):
    """The front desk's morning in a real browser, logged in as a front-desk officer who has the
    front-desk role only, and citizens nobody registered before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_public_admin_data()
        # A front-desk officer as the administrator creates one: the role, nothing else; the home
        # action comes with the role.
        cls.counter_officer = new_test_user(
            cls.env,
            login="pa_counter",
            groups="public_admin_centre.group_front_desk",
            name="Đinh Thị Quầy",
        )
        cls.counter_officer.public_admin_agency_ids = cls.centre
        cls.Dossier = cls.env["public_admin.dossier"]

    def assertWalkInReceived(self, id_number, name, phone):
        dossier = self.Dossier.search([("applicant_id_number", "=", id_number)])
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "received")
        self.assertRegex(dossier.name, r"^000\.00\.00\.H56-\d{6}-\d{4}$")
        self.assertEqual(dossier.receiving_user_id, self.counter_officer)
        self.assertEqual(dossier.applicant_name, name)
        self.assertEqual(dossier.applicant_phone, phone)
        partner = dossier.partner_id
        self.assertEqual(partner.public_admin_id_number, id_number, "the citizen is now a contact")
        self.assertEqual(partner.create_uid, self.counter_officer, "created by the front desk itself")
        self.assertTrue(all(dossier.document_ids.filtered("is_required").mapped("is_received")))
        self.assertEqual(dossier.form_log_ids.mapped("form_type"), ["receipt"], "the receipt was issued")
        return dossier

    def test_front_desk_lands_on_the_online_queue(self):
        citizen = self.portal_user("citizen_an", self.applicant)
        files = {line.id: [("ho-so.pdf", PDF)] for line in self.procedure.document_ids if line.is_required}
        self.Dossier.with_user(citizen)._portal_submit(
            self.procedure, {"name": self.applicant.name, "phone": "0912 345 678"}, files
        )
        counter = self.env.ref("public_admin_centre.public_admin_dossier_action_counter")
        self.assertEqual(self.counter_officer.action_id.id, counter.id)
        self.start_tour("/odoo", "public_admin_counter_landing_tour", login="pa_counter")

    def test_walk_in_received_from_an_id_card_scan(self):
        self.start_tour("/odoo", "public_admin_counter_walk_in_scan_tour", login="pa_counter")
        dossier = self.assertWalkInReceived("038095007788", "Lê Văn Bình", "+84912000111")
        self.assertEqual(dossier.applicant_address, "Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa")
        self.assertEqual(dossier.partner_id.public_admin_birthdate, date(1995, 3, 15))
        self.assertEqual(dossier.partner_id.public_admin_gender, "male")

    def test_walk_in_received_from_typed_data(self):
        self.start_tour("/odoo", "public_admin_counter_walk_in_typed_tour", login="pa_counter")
        dossier = self.assertWalkInReceived("038190004455", "Phạm Thị Thu", "+84987111222")
        self.assertEqual(dossier.partner_id.street, "Thôn 2, xã Quảng Tâm, Thanh Hóa")
