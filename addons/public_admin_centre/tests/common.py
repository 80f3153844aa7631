from datetime import datetime, timedelta

from odoo.tests import TransactionCase, new_test_user

# Smallest files that Odoo's content sniffing recognises, for upload tests.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


class PublicAdminCommon:
    """Agencies, a calendar, procedures and one user per role, for every test of the suite."""

    @classmethod
    def setup_public_admin_data(cls):
        cls.calendar = cls.env.ref("public_admin_centre.resource_calendar_public_admin")
        Agency = cls.env["public_admin.agency"]
        cls.centre = Agency.create(
            {
                "name": "Trung tâm Phục vụ hành chính công",
                "code": "000.00.00.H56",
                "is_reception_centre": True,
                "calendar_id": cls.calendar.id,
            }
        )
        cls.construction = Agency.create(
            {
                "name": "Sở Xây dựng",
                "code": "000.00.12.H56",
                "calendar_id": cls.calendar.id,
            }
        )
        cls.construction_unit = Agency.create(
            {
                "name": "Phòng Quản lý xây dựng",
                "code": "000.12.01.H56",
                "parent_id": cls.construction.id,
                "calendar_id": cls.calendar.id,
            }
        )
        cls.environment = Agency.create(
            {
                "name": "Sở Nông nghiệp và Môi trường",
                "code": "000.00.13.H56",
                "calendar_id": cls.calendar.id,
            }
        )
        cls.health = Agency.create({"name": "Sở Y tế", "code": "000.00.14.H56", "calendar_id": cls.calendar.id})

        cls.front_desk = new_test_user(
            cls.env,
            login="pa_front_desk",
            groups="public_admin_centre.group_front_desk",
            name="Lê Thị Tiếp Nhận",
        )
        cls.officer_construction = new_test_user(
            cls.env,
            login="pa_officer_xd",
            groups="public_admin_centre.group_agency_officer",
            name="Trần Văn Xây",
        )
        cls.head_construction = new_test_user(
            cls.env,
            login="pa_head_xd",
            groups="public_admin_centre.group_agency_head",
            name="Phạm Trưởng Phòng",
        )
        cls.officer_environment = new_test_user(
            cls.env,
            login="pa_officer_mt",
            groups="public_admin_centre.group_agency_officer",
            name="Võ Thị Môi",
        )
        cls.officer_health = new_test_user(
            cls.env,
            login="pa_officer_yt",
            groups="public_admin_centre.group_agency_officer",
            name="Đỗ Văn Y",
        )
        cls.manager = new_test_user(
            cls.env,
            login="pa_manager",
            groups="public_admin_centre.group_centre_manager",
            name="Hoàng Quản Lý",
        )
        cls.front_desk.public_admin_agency_ids = cls.centre
        cls.officer_construction.public_admin_agency_ids = cls.construction
        cls.head_construction.public_admin_agency_ids = cls.construction
        cls.officer_environment.public_admin_agency_ids = cls.environment
        cls.officer_health.public_admin_agency_ids = cls.health
        cls.construction.head_user_ids = cls.head_construction
        cls.construction.user_ids = cls.officer_construction | cls.head_construction
        cls.environment.user_ids = cls.officer_environment

        # The demo data has this real sector already (sector names are unique).
        Sector = cls.env["public_admin.sector"]
        cls.sector = Sector.search([("name", "=", "Hoạt động xây dựng")]) or Sector.create(
            {"name": "Hoạt động xây dựng", "code": "G15-XD01"}
        )
        Procedure = cls.env["public_admin.procedure"]
        cls.procedure = Procedure.create(
            {
                "code": "1.009972",
                "name": "Cấp giấy phép xây dựng mới đối với công trình cấp II",
                "sector_id": cls.sector.id,
                "agency_id": cls.construction.id,
                "processing_time_legal": 20,
                "processing_time_local": 15,
                "processing_time_unit": "working_day",
                "online_level": "partial",
                "date_effective_from": "2020-01-01",
                "document_ids": [
                    (0, 0, {"name": "Đơn đề nghị cấp giấy phép xây dựng", "copies": 1, "copy_type": "original"}),
                    (0, 0, {"name": "Bản vẽ thiết kế xây dựng", "copies": 2, "copy_type": "photocopy"}),
                    (0, 0, {"name": "Giấy tờ về quyền sử dụng đất", "copies": 1, "copy_type": "certified"}),
                    (0, 0, {"name": "Ảnh hiện trạng", "copies": 1, "is_required": False}),
                ],
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": 1,
                            "name": "Tiếp nhận hồ sơ",
                            "role": "reception",
                            "agency_id": cls.centre.id,
                            "duration_hours": 0,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "sequence": 2,
                            "name": "Thẩm định hồ sơ",
                            "role": "officer",
                            "agency_id": cls.construction.id,
                            "duration_hours": 56,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "sequence": 3,
                            "name": "Lấy ý kiến về môi trường",
                            "role": "officer",
                            "agency_id": cls.environment.id,
                            "duration_hours": 40,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "sequence": 4,
                            "name": "Phê duyệt",
                            "role": "head",
                            "agency_id": cls.construction.id,
                            "duration_hours": 16,
                        },
                    ),
                ],
            }
        )
        cls.procedure_same_day = Procedure.create(
            {
                "code": "2.000815",
                "name": "Chứng thực bản sao từ bản chính",
                "sector_id": cls.sector.id,
                "agency_id": cls.construction.id,
                "processing_time_unit": "same_day",
                "same_day_cutoff": 15.0,
                "online_level": "none",
                "date_effective_from": "2020-01-01",
            }
        )
        cls.applicant = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "mobile": "0912 345 678",
                "email": "an.nguyen@example.vn",
                "public_admin_id_number": "056090001234",
                "street": "12 Trần Phú",
                "city": "Nha Trang",
            }
        )

    @classmethod
    def setup_portal_users(cls):
        """Citizens and a business with portal accounts (password = login).

        The applicant of the suite's dossiers is ``citizen``; ``employee`` and ``colleague`` work
        for the same company, whose dossiers both may follow.
        """
        cls.citizen = cls.portal_user("citizen_an", cls.applicant)
        cls.other_partner = cls.env["res.partner"].create(
            {"name": "Trần Thị Bình", "mobile": "0987 654 321", "email": "binh.tran@example.vn"}
        )
        cls.other_citizen = cls.portal_user("citizen_binh", cls.other_partner)
        cls.company_partner = cls.env["res.partner"].create(
            {"name": "Công ty TNHH Xây dựng Hòa Bình", "is_company": True, "phone": "0258 3822 111"}
        )
        cls.employee_partner, cls.colleague_partner = cls.env["res.partner"].create(
            [
                {
                    "name": "Lê Văn Cường",
                    "parent_id": cls.company_partner.id,
                    "mobile": "0905 111 222",
                    "email": "cuong@hoabinh.example.vn",
                },
                {
                    "name": "Phạm Thị Dung",
                    "parent_id": cls.company_partner.id,
                    "mobile": "0905 333 444",
                    "email": "dung@hoabinh.example.vn",
                },
            ]
        )
        cls.employee = cls.portal_user("hoabinh_cuong", cls.employee_partner)
        cls.colleague = cls.portal_user("hoabinh_dung", cls.colleague_partner)

    @classmethod
    def portal_user(cls, login, partner):
        """A portal account (password = login) for an existing contact, keeping its name and email."""
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            partner_id=partner.id,
            name=partner.name,
            email=partner.email or False,
        )

    @classmethod
    def local(cls, *args):
        """A local (Asia/Ho_Chi_Minh) wall-clock time as naive UTC, the way Odoo stores it."""
        return datetime(*args) - timedelta(hours=7)

    def create_dossier(self, procedure=None, user=None, **vals):
        procedure = procedure or self.procedure
        env = self.env(user=user) if user else self.env
        dossier = env["public_admin.dossier"].create(
            {
                "procedure_id": procedure.id,
                "partner_id": self.applicant.id,
                "receiving_agency_id": self.centre.id,
                "summary": "Xây nhà ở riêng lẻ 3 tầng",
                **vals,
            }
        )
        dossier.document_ids.filtered("is_required").write({"is_received": True})
        return dossier

    def received_dossier(self, **vals):
        dossier = self.create_dossier(**vals)
        dossier.with_user(self.front_desk).action_receive()
        return dossier


class PublicAdminCase(PublicAdminCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_public_admin_data()
