import ast
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PublicAdminCase

ID_CARD_QR = "038095007788|172345678|Lê Văn Bình|15031995|Nam|Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa|10082021"


@tagged("post_install", "-at_install")
class TestWalkInApplicant(PublicAdminCase):
    """A citizen never seen before is received at the counter: found by ID number or phone, or
    registered by the front desk itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"].with_user(cls.front_desk)
        cls.Dossier = cls.env["public_admin.dossier"].with_user(cls.front_desk)

    def walk_in(self, **vals):
        return self.Dossier.create({"procedure_id": self.procedure.id, "receiving_agency_id": self.centre.id, **vals})

    def test_same_id_number_finds_the_same_contact(self):
        partner = self.Partner._public_admin_find_or_create_applicant(
            {"name": "Nguyen Van An", "id_number": "056090001234", "phone": "0900 000 000"}
        )
        self.assertEqual(partner, self.applicant)
        self.assertEqual(self.applicant.mobile, "0912 345 678", "a contact's data is completed, never overwritten")

    def test_same_phone_and_name_finds_the_same_contact(self):
        for phone in ("0912345678", "+84 912 345 678", "0912.345.678"):
            with self.subTest(phone=phone):
                partner = self.Partner._public_admin_find_or_create_applicant(
                    {"name": "nguyễn văn  an", "phone": phone}
                )
                self.assertEqual(partner, self.applicant)

    def test_relative_sharing_the_phone_gets_their_own_contact(self):
        child = self.Partner._public_admin_find_or_create_applicant({"name": "Nguyễn Thị Bích", "phone": "0912345678"})
        self.assertNotEqual(child, self.applicant)
        other_id = self.Partner._public_admin_find_or_create_applicant(
            {"name": "Nguyễn Văn An", "phone": "0912345678", "id_number": "001090009999"}
        )
        self.assertNotEqual(other_id, self.applicant, "same name and phone but another ID number: another person")

    def test_new_citizen_is_created_by_the_front_desk_itself(self):
        partner = self.Partner._public_admin_find_or_create_applicant(
            {
                "name": "Lê Văn Bình",
                "id_number": "038095007788",
                "phone": "0912 000 111",
                "address": "Số 5 Trần Phú, Phường Hạc Thành",
                "birthdate": date(1995, 3, 15),
                "gender": "male",
            }
        )
        self.assertEqual(partner.create_uid, self.front_desk)
        self.assertEqual(partner.env.uid, self.front_desk.id, "returned with the user's rights, not as superuser")
        self.assertEqual(
            (partner.name, partner.public_admin_id_number, partner.mobile, partner.street, partner.country_id.code),
            ("Lê Văn Bình", "038095007788", "+84912000111", "Số 5 Trần Phú, Phường Hạc Thành", "VN"),
        )
        self.assertEqual((partner.public_admin_birthdate, partner.public_admin_gender), (date(1995, 3, 15), "male"))
        again = self.Partner._public_admin_find_or_create_applicant(
            {"name": "Lê Văn Bình", "id_number": "038095007788"}
        )
        self.assertEqual(again, partner)

    def test_citizen_found_even_when_contacts_are_hidden_from_the_front_desk(self):
        # Applicants' personal data is hidden by record rules: this citizen handed in a dossier at a
        # ward centre only, so this front desk cannot read his contact; the counter still finds him.
        ward = self.env["public_admin.agency"].create(
            {"name": "Phường Hạc Thành", "code": "000.21.01.H56", "level": "commune", "is_reception_centre": True}
        )
        self.create_dossier(procedure=self.procedure_same_day, receiving_agency_id=ward.id)
        self.assertTrue(self.applicant.public_admin_is_applicant)
        self.assertFalse(self.Partner.search([("id", "=", self.applicant.id)]))
        dossier = self.walk_in(applicant_name="Nguyễn Văn An", applicant_id_number="056090001234")
        self.assertEqual(dossier.sudo().partner_id, self.applicant)

    def test_front_desk_creates_contacts_but_does_not_edit_or_delete_them(self):
        Partner = self.env["res.partner"].with_user(self.front_desk)
        self.assertTrue(Partner.has_access("create"))
        self.assertFalse(self.applicant.with_user(self.front_desk).has_access("write"))
        self.assertFalse(self.applicant.with_user(self.front_desk).has_access("unlink"))
        self.assertFalse(self.env["res.partner"].with_user(self.officer_construction).has_access("create"))

    def test_only_the_front_desk_registers_applicants(self):
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.officer_construction)._public_admin_find_or_create_applicant(
                {"name": "Lê Văn Bình", "phone": "0912000111"}
            )

    def test_typed_walk_in_is_linked_when_saved_keeping_what_was_declared(self):
        dossier = self.walk_in(
            applicant_name="Nguyễn Văn An", applicant_id_number="056090001234", applicant_phone="0905 999 888"
        )
        self.assertEqual(dossier.partner_id, self.applicant)
        self.assertEqual(dossier.applicant_phone, "+84905999888", "the phone declared today stays on the dossier")
        new = self.walk_in(applicant_name="Đỗ Thị Mai", applicant_phone="0977 123 456")
        self.assertEqual(new.partner_id.name, "Đỗ Thị Mai")
        self.assertEqual(new.partner_id.create_uid, self.front_desk)

    def test_dossier_without_contact_cannot_be_received(self):
        dossier = self.walk_in(applicant_name="Đỗ Thị Mai")
        dossier.action_mark_required_documents_received()
        self.assertFalse(dossier.partner_id)
        with self.assertRaisesRegex(UserError, "phone or email"):
            dossier.action_receive()

    def test_scan_on_the_reception_form_fills_the_applicant(self):
        with Form(self.Dossier) as form:
            form.procedure_id = self.procedure
            form.id_card_scan = ID_CARD_QR
            self.assertEqual(form.applicant_name, "Lê Văn Bình")
            self.assertEqual(form.applicant_id_number, "038095007788")
            self.assertEqual(form.applicant_birthdate, date(1995, 3, 15))
            self.assertEqual(form.applicant_gender, "male")
            self.assertFalse(form.id_card_scan, "the box is ready for the next scan")
            self.assertFalse(form.partner_id, "nobody knew this citizen")
            form.applicant_phone = "0912 000 111"
        dossier = form.record
        self.assertEqual(dossier.partner_id.public_admin_id_number, "038095007788")
        self.assertEqual(dossier.partner_id.public_admin_birthdate, date(1995, 3, 15))

    def test_scan_of_a_known_citizen_finds_their_contact_and_phone(self):
        card = ID_CARD_QR.replace("038095007788", "056090001234").replace("Lê Văn Bình", "Nguyễn Văn An")
        with Form(self.Dossier) as form:
            form.procedure_id = self.procedure
            form.id_card_scan = card
            self.assertEqual(form.partner_id, self.applicant)
            self.assertEqual(form.applicant_phone, "+84912345678")
            self.assertEqual(form.applicant_address, "Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa", "as on the card")

    def test_scan_of_something_else_warns_and_changes_nothing(self):
        dossier = self.Dossier.new({"applicant_name": "Đỗ Thị Mai", "id_card_scan": "https://example.com/x"})
        result = dossier._onchange_id_card_scan()
        self.assertIn("web address", result["warning"]["message"])
        self.assertEqual(dossier.applicant_name, "Đỗ Thị Mai")
        self.assertFalse(dossier.id_card_scan)

    def test_contact_picker_finds_citizens_by_id_number_and_phone(self):
        for text in ("056090", "0912345678", "0912 345 678", "+84912345678"):
            with self.subTest(text=text):
                found = self.Partner.name_search(text)
                self.assertIn(self.applicant.id, [partner_id for partner_id, _name in found])
        self.assertNotIn(self.applicant.id, [pid for pid, _n in self.Partner.name_search("0987654")])

    def test_all_required_documents_ticked_at_once(self):
        dossier = self.walk_in(applicant_name="Đỗ Thị Mai", applicant_phone="0977 123 456")
        dossier.action_mark_required_documents_received()
        self.assertEqual(dossier.document_ids.filtered("is_received"), dossier.document_ids.filtered("is_required"))
        self.assertFalse(dossier.document_ids.filtered(lambda d: not d.is_required).is_received, "optional: not ticked")

    def test_receive_and_print_opens_the_receipt(self):
        dossier = self.walk_in(applicant_name="Đỗ Thị Mai", applicant_phone="0977 123 456")
        dossier.action_mark_required_documents_received()
        action = dossier.action_receive_and_print()
        self.assertEqual(dossier.state, "received")
        self.assertEqual(action["tag"], "public_admin_print_receipt")
        self.assertEqual(action["params"]["url"], f"/public_admin/dossier/{dossier.id}/receipt")

    def test_front_desk_users_land_on_the_counter(self):
        counter = self.env.ref("public_admin_centre.public_admin_dossier_action_counter")
        self.assertEqual(self.front_desk.action_id.id, counter.id)
        self.assertFalse(self.officer_construction.action_id)
        self.assertFalse(self.manager.action_id, "a manager's work is not the counter")
        context = ast.literal_eval(counter.context)
        self.assertEqual(context["search_default_counter_work"], 1)
        # Nothing to show: the board still has its columns, the online queue among them.
        groups = self.Dossier.with_context(**context).read_group([("id", "=", 0)], ["state"], ["state"])
        self.assertEqual(
            {group["state"] for group in groups},
            {"draft", "registered", "supplement", "done"},
            "the online queue is a column of the board even when empty",
        )
