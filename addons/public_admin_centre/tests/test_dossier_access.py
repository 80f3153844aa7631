from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PublicAdminCase


@tagged("post_install", "-at_install")
class TestDossierAccess(PublicAdminCase):
    """Who reads, writes and moves which dossier: each role against its own and another agency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # at_construction: received, now with Sở Xây dựng.
        cls.at_construction = cls.received_dossier_cls()
        # moved_on: was at Sở Xây dựng, now with Sở Nông nghiệp và Môi trường.
        cls.moved_on = cls.received_dossier_cls()
        cls.moved_on.with_user(cls.officer_construction).action_start_step()
        cls.moved_on.with_user(cls.officer_construction).action_finish_step()
        # at_health: a procedure of Sở Y tế, never at Sở Xây dựng.
        cls.health_procedure = cls.procedure_same_day.copy({"code": "1.001234", "agency_id": cls.health.id})
        cls.at_health = cls.received_dossier_cls(procedure_id=cls.health_procedure.id)
        cls.officer_unit = new_test_user(
            cls.env,
            login="pa_officer_unit",
            groups="public_admin_centre.group_agency_officer",
        )
        cls.officer_unit.public_admin_agency_ids = cls.construction_unit
        cls.officer_parent = new_test_user(
            cls.env,
            login="pa_officer_parent",
            groups="public_admin_centre.group_agency_officer",
        )
        cls.officer_parent.public_admin_agency_ids = cls.construction
        cls.citizen = new_test_user(cls.env, login="pa_citizen", groups="base.group_portal", name="Nguyễn Văn An")
        cls.at_construction.partner_id = cls.citizen.partner_id
        cls.other_citizen = new_test_user(cls.env, login="pa_citizen2", groups="base.group_portal")

    @classmethod
    def received_dossier_cls(cls, **vals):
        dossier = cls.env["public_admin.dossier"].create(
            {
                "procedure_id": cls.procedure.id,
                "partner_id": cls.applicant.id,
                "receiving_agency_id": cls.centre.id,
                **vals,
            }
        )
        dossier.document_ids.filtered("is_required").write({"is_received": True})
        dossier.with_user(cls.front_desk).action_receive()
        return dossier

    def visible(self, user):
        return (
            self.env["public_admin.dossier"]
            .with_user(user)
            .search([("id", "in", (self.at_construction | self.moved_on | self.at_health).ids)])
        )

    # ------------------------------------------------------------------ read
    def test_front_desk_sees_everything_the_centre_received(self):
        self.assertEqual(self.visible(self.front_desk), self.at_construction | self.moved_on | self.at_health)

    def test_officer_sees_dossiers_that_are_or_were_at_the_agency(self):
        self.assertEqual(self.visible(self.officer_construction), self.at_construction | self.moved_on)
        self.assertEqual(self.visible(self.head_construction), self.at_construction | self.moved_on)
        with self.assertRaises(AccessError):
            self.at_health.with_user(self.officer_construction).read(["name"])

    def test_officer_of_other_agency_sees_only_its_own(self):
        self.assertEqual(self.visible(self.officer_health), self.at_health)
        self.assertEqual(self.visible(self.officer_environment), self.moved_on)
        with self.assertRaises(AccessError):
            self.at_construction.with_user(self.officer_health).read(["applicant_name"])

    def test_parent_agency_officer_sees_its_units_dossiers(self):
        unit_procedure = self.procedure_same_day.copy({"code": "1.005555", "agency_id": self.construction_unit.id})
        at_unit = self.received_dossier(procedure_id=unit_procedure.id)
        self.assertTrue(at_unit.with_user(self.officer_parent).read(["name"]))
        with self.assertRaises(AccessError):
            self.at_construction.with_user(self.officer_unit).read(["name"])

    def test_manager_sees_all(self):
        self.assertEqual(self.visible(self.manager), self.at_construction | self.moved_on | self.at_health)

    def test_citizen_sees_only_own_dossiers(self):
        self.assertEqual(self.visible(self.citizen), self.at_construction)
        self.assertFalse(self.visible(self.other_citizen))
        with self.assertRaises(AccessError):
            self.moved_on.with_user(self.citizen).read(["name"])
        with self.assertRaises(AccessError):
            self.at_construction.with_user(self.citizen).write({"summary": "changed"})

    def test_sub_records_follow_the_dossier(self):
        steps = (
            self.env["public_admin.dossier.step"]
            .with_user(self.officer_health)
            .search([("dossier_id", "in", (self.at_construction | self.at_health).ids)])
        )
        self.assertEqual(steps.dossier_id, self.at_health)
        docs = self.env["public_admin.dossier.document"].with_user(self.citizen).search([])
        self.assertEqual(docs.dossier_id, self.at_construction)

    # ------------------------------------------------------------------ write
    def test_officer_writes_only_what_is_at_the_agency_now(self):
        self.at_construction.with_user(self.officer_construction).write({"summary": "Bổ sung mô tả"})
        self.assertEqual(self.at_construction.summary, "Bổ sung mô tả")
        with self.assertRaises(AccessError):
            self.moved_on.with_user(self.officer_construction).write({"summary": "x"})
        with self.assertRaises(AccessError):
            self.at_health.with_user(self.officer_construction).write({"summary": "x"})

    def test_only_the_front_desk_and_managers_create_dossiers(self):
        with self.assertRaises(AccessError):
            self.create_dossier(user=self.officer_construction)
        self.assertTrue(self.create_dossier(user=self.front_desk))
        with self.assertRaises(AccessError):
            self.create_dossier(user=self.citizen)

    def test_nobody_but_the_administrator_deletes_dossiers(self):
        for user in (self.front_desk, self.officer_construction, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.at_construction.with_user(user).unlink()

    # ------------------------------------------------------------------ transitions
    def test_officer_moves_only_dossiers_at_the_agency(self):
        self.at_construction.with_user(self.officer_construction).action_start_step()
        self.assertEqual(self.at_construction.state, "in_progress")
        with self.assertRaises(AccessError):
            self.moved_on.with_user(self.officer_construction).action_start_step()
        with self.assertRaises(AccessError):
            self.at_health.with_user(self.officer_construction).action_request_supplement("x")
        self.assertEqual(self.at_health.state, "received")

    def test_front_desk_cannot_process_a_department_step(self):
        # Starting a step is an officer's action (the button's groups, enforced by the method).
        with self.assertRaisesRegex(AccessError, "Only these roles"):
            self.at_construction.with_user(self.front_desk).action_start_step()
        self.assertEqual(self.at_construction.state, "received")

    def test_manager_moves_any_dossier(self):
        self.at_health.with_user(self.manager).action_start_step()
        self.assertEqual(self.at_health.state, "in_progress")

    def test_citizen_cannot_move_a_dossier(self):
        with self.assertRaises(AccessError):
            self.at_construction.with_user(self.citizen).action_withdraw()
        self.assertEqual(self.at_construction.state, "received")

    # ------------------------------------------------------------------ configuration
    def test_only_administrators_change_the_catalogue(self):
        for user in (self.front_desk, self.officer_construction, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.procedure.with_user(user).write({"processing_time_local": 1})
        admin = new_test_user(self.env, login="pa_admin", groups="public_admin_centre.group_admin")
        self.procedure.with_user(admin).write({"processing_time_local": 12})
        self.assertEqual(self.procedure.processing_time_local, 12)
        self.assertTrue(self.procedure.with_user(self.citizen).read(["name"]))

    def test_other_company_dossiers_invisible(self):
        other_company = self.env["res.company"].create({"name": "Tỉnh khác"})
        self.manager.company_ids = self.env.company
        other_agency = self.env["public_admin.agency"].create(
            {
                "name": "Trung tâm tỉnh khác",
                "code": "000.00.00.H99",
                "company_id": other_company.id,
            }
        )
        other_procedure = self.procedure_same_day.copy(
            {"code": "1.099999", "agency_id": other_agency.id, "company_id": other_company.id}
        )
        other = self.env["public_admin.dossier"].create(
            {
                "procedure_id": other_procedure.id,
                "partner_id": self.applicant.id,
                "receiving_agency_id": other_agency.id,
                "company_id": other_company.id,
            }
        )
        self.assertFalse(self.env["public_admin.dossier"].with_user(self.manager).search([("id", "=", other.id)]))
