"""The people of the demo: applicants with Vietnamese names, phones, citizen IDs and addresses,
and the centre's staff who act on each step of a dossier's history."""

from ..tools import normalize_vietnamese_phone

# fmt: off
# Family names, weighted roughly as in Thanh Hóa (Lê and Trịnh are frequent there).
FAMILY_NAMES = [
    ("Nguyễn", 28), ("Lê", 14), ("Trần", 9), ("Phạm", 6), ("Hoàng", 4), ("Trịnh", 4), ("Đỗ", 3),
    ("Vũ", 3), ("Bùi", 3), ("Mai", 2), ("Phan", 2), ("Đặng", 2), ("Ngô", 2), ("Hồ", 1),
    ("Dương", 1), ("Võ", 1), ("Huỳnh", 1), ("Lý", 1), ("Hà", 1), ("Đinh", 1), ("Cao", 1),
    ("Lường", 1),
]
MIDDLE_NAMES = {
    "male": ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Ngọc", "Đình",
             "Trọng", "Mạnh", "Tiến", "Duy", "Thế", "Anh"],
    "female": ["Thị", "Thị", "Thị", "Thị", "Thị Thu", "Thị Thanh", "Thị Ngọc", "Ngọc", "Thu",
               "Thanh", "Phương", "Thùy", "Khánh", "Hải"],
}
GIVEN_NAMES = {
    "male": ["An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
             "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong",
             "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Tùng",
             "Việt", "Vinh"],
    "female": ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Hương",
               "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh",
               "Phương", "Quỳnh", "Thảo", "Thu", "Thủy", "Trang", "Tuyết", "Vân", "Yến"],
}
COMPANY_FORMS = ["Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV",
                 "Hợp tác xã", "Doanh nghiệp tư nhân"]
COMPANY_NAMES = [
    "Xây dựng Minh Phát", "Thương mại và Dịch vụ Hải Tiến", "Đầu tư Phát triển Nghi Sơn",
    "Vật liệu xây dựng Bỉm Sơn", "Nông sản Thọ Xuân", "Thủy sản Sầm Sơn",
    "Bất động sản Hạc Thành", "Dịch vụ nông nghiệp Yên Định", "Tư vấn thiết kế Lam Sơn",
    "Môi trường Xanh Thanh Hóa", "Vận tải Hoàng Hà", "Dược phẩm Hồng Đức", "Cơ khí Đông Sơn",
    "Gạch ngói Hoằng Hóa", "Lâm sản Thường Xuân", "Du lịch Biển Hải Tiến",
    "Chế biến gỗ Ngọc Lặc", "Điện máy Quảng Xương", "Giống cây trồng Triệu Sơn",
    "Chăn nuôi Thạch Thành", "Tư vấn pháp luật Trường An", "Đấu giá tài sản Thanh Hóa",
    "Khoáng sản Như Thanh", "Cấp thoát nước Tĩnh Gia",
]
# Wards and communes of the province after the 2025 reorganisation (two-level local government).
WARDS = ["Hạc Thành", "Quảng Phú", "Đông Quang", "Đông Sơn", "Đông Tiến", "Hàm Rồng",
         "Nguyệt Viên", "Sầm Sơn", "Nam Sầm Sơn", "Bỉm Sơn", "Quang Trung", "Ngọc Sơn", "Tân Dân",
         "Hải Lĩnh", "Tĩnh Gia", "Đào Duy Từ", "Hải Bình", "Trúc Lâm", "Nghi Sơn"]
COMMUNES = ["Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Hà Trung", "Vĩnh Lộc", "Yên Định", "Thiệu Hóa",
            "Thọ Xuân", "Triệu Sơn", "Nông Cống", "Quảng Xương", "Cẩm Thủy", "Ngọc Lặc",
            "Thạch Thành", "Như Thanh", "Lang Chánh", "Bá Thước", "Thường Xuân"]
STREETS = ["Lê Lợi", "Trần Phú", "Bà Triệu", "Lê Hoàn", "Quang Trung", "Nguyễn Trãi",
           "Phan Chu Trinh", "Tống Duy Tân", "Lý Thường Kiệt", "Triệu Quốc Đạt", "Dương Đình Nghệ",
           "Lê Lai", "Nguyễn Du", "Trường Thi", "Đinh Công Tráng", "Hải Thượng Lãn Ông",
           "Mai An Tiêm", "Nguyễn Chí Thanh"]
VILLAGES = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Thôn 5", "Thôn 7", "Thôn Đông", "Thôn Trung",
            "Thôn Nam", "Thôn Bắc", "Xóm Mới", "Làng Hạ", "Làng Thượng"]
# Mobile prefixes of the Vietnamese networks (10-digit numbers).
MOBILE_PREFIXES = ["086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038",
                   "039", "088", "091", "094", "081", "082", "083", "084", "085", "090", "093",
                   "070", "076", "077", "078", "079", "056", "058", "059"]
# Province codes opening the citizen ID: mostly Thanh Hóa (038), some neighbours and Hà Nội.
ID_PROVINCES = [("038", 85), ("040", 4), ("037", 3), ("036", 3), ("001", 3), ("079", 2)]
# fmt: on


class DemoPeople:
    """Applicants made up for the demo dossiers, and who acts for each agency.

    Every applicant made here is listed in ``partner_xmlids`` for an xml id of the module, so
    that the demo's contacts go away with it.
    """

    def __init__(self, env, rng, seed, centre):
        self.env = env
        self.rng = rng
        self.seed = seed
        self.partner_xmlids = []
        self.persons = []
        self.companies = []
        self.partner_seq = 0
        self.company_names = set()
        admin = env.ref("base.user_admin", raise_if_not_found=False) or env.user
        manager = centre.user_ids.filtered(lambda u: u.has_group("public_admin_centre.group_centre_manager"))
        self.manager = manager[:1] or admin
        front = centre.user_ids.filtered(
            lambda u: (
                u.has_group("public_admin_centre.group_front_desk")
                and not u.has_group("public_admin_centre.group_centre_manager")
            )
        )
        self.front_desk = front or self.manager
        self.lang = "vi_VN" if env["res.lang"].search_count([("code", "=", "vi_VN")]) else False
        self.country = env.ref("base.vn", raise_if_not_found=False)
        self.state = env.ref("base.state_vn_VN-21", raise_if_not_found=False)
        self.citizen = env.ref("public_admin_centre.partner_congdan_demo", raise_if_not_found=False)
        business = env.ref("public_admin_centre.partner_doanhnghiep_demo", raise_if_not_found=False)
        self.business = business.commercial_partner_id if business else False
        # Online dossiers of the demo portal accounts are submitted by their users.
        self.portal_users = {}
        for partner, login in (
            (self.citizen, "user_congdan_demo"),
            (self.business, "user_doanhnghiep_demo"),
        ):
            user = env.ref(f"public_admin_centre.{login}", raise_if_not_found=False)
            if partner and user:
                self.portal_users[partner.id] = user

    # ---------------------------------------------------------------- applicants
    def _mobile(self):
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + "".join(str(self.rng.randrange(10)) for _i in range(7))
            if normalize_vietnamese_phone(number):
                return f"{number[:4]} {number[4:7]} {number[7:]}"

    def _citizen_id(self, gender, year):
        province = self.weighted(ID_PROVINCES)
        century_gender = (0 if year < 2000 else 2) + (1 if gender == "female" else 0)
        return f"{province}{century_gender}{year % 100:02d}{self.rng.randrange(10**6):06d}"

    def _address(self):
        if self.rng.random() < 0.55:
            return (
                f"Số {self.rng.randint(1, 250)} {self.rng.choice(STREETS)}",
                f"Phường {self.rng.choice(WARDS)}",
            )
        return self.rng.choice(VILLAGES), f"Xã {self.rng.choice(COMMUNES)}"

    def _company_name(self):
        """A company name not given yet (two companies do not share a name in a province)."""
        for _attempt in range(50):
            name = f"{self.rng.choice(COMPANY_FORMS)} {self.rng.choice(COMPANY_NAMES)}"
            if name not in self.company_names:
                break
        else:
            name = f"{name} {len(self.company_names) + 1}"
        self.company_names.add(name)
        return name

    def weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def _new_partner(self, company):
        self.partner_seq += 1
        street, city = self._address()
        vals = {
            "street": street,
            "city": city,
            "lang": self.lang,
            "tz": "Asia/Ho_Chi_Minh",
            "country_id": self.country.id if self.country else False,
            "state_id": self.state.id if self.state else False,
        }
        if company:
            vals.update(
                {
                    "name": self._company_name(),
                    "is_company": True,
                    "vat": "28" + "".join(str(self.rng.randrange(10)) for _i in range(8)),
                    "mobile": self._mobile(),
                }
            )
            if self.rng.random() < 0.7:
                vals["email"] = f"vanthu.{self.seed}.{self.partner_seq}@example.com"
        else:
            gender = self.rng.choice(["male", "female"])
            family = self.weighted(FAMILY_NAMES)
            middle, given = (
                self.rng.choice(MIDDLE_NAMES[gender]),
                self.rng.choice(GIVEN_NAMES[gender]),
            )
            name = f"{family} {middle} {given}"
            year = self.rng.randint(1955, 2006)
            vals.update(
                {
                    "name": name,
                    "mobile": self._mobile(),
                    "public_admin_id_number": self._citizen_id(gender, year),
                }
            )
            if self.rng.random() < 0.3:
                vals["email"] = f"congdan.{self.seed}.{self.partner_seq}@example.com"
        partner = self.env["res.partner"].create(vals)
        kind = "company" if company else "applicant"
        self.partner_xmlids.append((f"partner_{kind}_{self.seed}_{self.partner_seq:04d}_demo", partner))
        return partner

    def applicant(self, procedure):
        """A new applicant for ``procedure``, or one who comes back with another dossier."""
        company = procedure.applicant_type == "organisation" or (
            procedure.applicant_type == "both" and self.rng.random() < 0.35
        )
        pool = self.companies if company else self.persons
        if pool and self.rng.random() < (0.35 if company else 0.12):
            return self.rng.choice(pool)
        partner = self._new_partner(company)
        pool.append(partner)
        return partner

    # ---------------------------------------------------------------- staff
    def staff_of(self, agency):
        """(officers, heads) of ``agency``, or of the nearest parent agency that has people."""
        while agency:
            heads = agency.head_user_ids
            officers = agency.user_ids - heads
            if officers or heads:
                return officers or heads, heads or officers
            agency = agency.parent_id
        return self.manager, self.manager

    def actor(self, step):
        officers, heads = self.staff_of(step.agency_id)
        return self.rng.choice(heads if step.role == "head" else officers)
