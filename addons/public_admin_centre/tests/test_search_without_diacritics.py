from lxml import html

from odoo.modules.db import FunctionStatus
from odoo.tests import tagged

from .common import PublicAdminCase
from .test_portal import PublicAdminPortalCase


class DrivingLicenceMixin:
    @classmethod
    def setup_driving_licence(cls):
        cls.driving_licence = cls.env["public_admin.procedure"].create(
            {
                "code": "1.002804",
                "name": "Cấp lại giấy phép lái xe",
                "agency_id": cls.construction.id,
                "processing_time_legal": 10,
                "online_level": "full",
                "date_effective_from": "2020-01-01",
            }
        )


@tagged("post_install", "-at_install")
class TestSearchWithoutDiacritics(DrivingLicenceMixin, PublicAdminCase):
    """People type names without diacritics, on phones and on counter keyboards alike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_driving_licence()

    def test_database_compares_without_diacritics_through_indexes(self):
        self.assertEqual(self.env.registry.has_unaccent, FunctionStatus.INDEXABLE)
        self.env.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'public_admin_procedure' "
            "AND indexname IN ('public_admin_procedure__name_index', 'public_admin_procedure__code_index')"
        )
        indexes = dict(self.env.cr.fetchall())
        self.assertEqual(len(indexes), 2)
        for definition in indexes.values():
            self.assertIn("gin", definition)
            self.assertIn("unaccent", definition)
            self.assertIn("gin_trgm_ops", definition)

    def test_front_desk_picks_a_procedure_typed_without_diacritics(self):
        Procedure = self.env["public_admin.procedure"].with_user(self.front_desk)
        for typed, expected in (
            ("lai xe", self.driving_licence),
            ("giay phep xay dung", self.procedure),
            ("GIAY PHEP LAI XE", self.driving_licence),
            ("chứng thực bản sao", self.procedure_same_day),
        ):
            with self.subTest(typed=typed):
                found = Procedure.browse([pid for pid, _name in Procedure.name_search(typed)])
                self.assertEqual(found, expected)

    def test_front_desk_picks_a_citizen_typed_without_diacritics(self):
        self.received_dossier()
        Partner = self.env["res.partner"].with_user(self.front_desk)
        found = Partner.browse([pid for pid, _name in Partner.name_search("nguyen van an")])
        self.assertIn(self.applicant, found)
        self.assertIn(self.applicant, Partner.search([("name", "ilike", "NGUYEN VAN")]))

    def test_dossiers_found_by_applicant_name_without_diacritics(self):
        dossier = self.received_dossier()
        Dossier = self.env["public_admin.dossier"].with_user(self.front_desk)
        self.assertIn(dossier, Dossier.search([("applicant_name", "ilike", "nguyen van an")]))


@tagged("post_install", "-at_install")
class TestCatalogueAndPortalSearch(DrivingLicenceMixin, PublicAdminPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_driving_licence()

    def found(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        titles = html.fromstring(response.text).xpath("//a[contains(@class, 'o_public_admin_procedure_item')]//h2")
        return [" ".join(title.text_content().split()) for title in titles]

    def test_catalogue_finds_procedures_typed_without_diacritics(self):
        self.assertEqual(self.found("/dich-vu-cong?search=lai+xe"), ["Cấp lại giấy phép lái xe"])
        self.assertEqual(self.found("/dich-vu-cong?search=giay+phep+xay+dung"), [self.procedure.name])
        self.assertEqual(self.found("/dich-vu-cong?search=Giấy+phép+lái+xe"), ["Cấp lại giấy phép lái xe"])

    def test_catalogue_says_what_to_try_when_nothing_is_found(self):
        response = self.url_open("/dich-vu-cong?search=ho+chieu+pho+thong")
        self.assertIn("No procedure of this centre matches your search", response.text)
        self.assertIn('href="https://dichvucong.gov.vn"', response.text)
        self.assertIn("another level of government", response.text)
        self.assertNotIn("Search every sector", response.text, "no filter to remove")

        filtered = self.url_open(f"/dich-vu-cong?search=lai+xe&sector={self.sector.id}")
        self.assertIn("Search every sector, agency and online service", filtered.text)
        self.assertIn('href="/dich-vu-cong?search=lai+xe"', filtered.text)

    def test_citizen_finds_own_dossier_typed_without_diacritics(self):
        licence = self.dossier_of(self.applicant, procedure_id=self.driving_licence.id)
        permit = self.dossier_of(self.applicant)
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open("/my/dossiers?search=lai+xe").text
        self.assertIn(licence.name, page)
        self.assertNotIn(permit.name, page)
        page = self.url_open("/my/dossiers?search=xay+dung").text
        self.assertIn(permit.name, page)
        self.assertNotIn(licence.name, page)
        self.assertIn("No dossier matches", self.url_open("/my/dossiers?search=ho+chieu").text)
