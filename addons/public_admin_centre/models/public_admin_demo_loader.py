"""Demo data of the centre: the catalogue from a shipped JSON file, and dossiers with a history.

The catalogue (``demo/procedures_demo.json``) holds real procedures of the national portal mapped to
the departments of a province. The dossiers are made by driving the real transitions of
``public_admin.dossier`` (receive, start and finish steps, transfer, supplement, financial
obligation, apology, return, refuse, withdraw, stop) under a controlled clock, so that their
codes, appointments, step deadlines, pauses and timeliness are computed by the same code as in
production. Every record made here gets an xml id of this module (``..._demo``, noupdate), so it
goes away with the module.
"""

import bisect
import contextlib
import json
import logging
import random
import time
from datetime import date, timedelta
from unittest.mock import patch

from pytz import utc

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, file_open

from ..tools import normalize_vietnamese_phone

_logger = logging.getLogger(__name__)

MODULE = "public_admin_centre"
CATALOGUE_FILE = "public_admin_centre/demo/procedures_demo.json"
# The 2025 reorganisation of provincial departments: the demo catalogue is in force since then.
CATALOGUE_EFFECTIVE_FROM = date(2025, 7, 1)

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

SUPPLEMENT_REASONS = [
    (
        "Thiếu bản sao có chứng thực giấy tờ về quyền sử dụng đất.",
        "Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất (01 bản)",
    ),
    (
        "Đơn đề nghị chưa đúng mẫu quy định, thiếu chữ ký của người đại diện theo pháp luật.",
        "Đơn đề nghị theo mẫu, có chữ ký và đóng dấu (bản chính)",
    ),
    (
        "Bản vẽ, tài liệu kỹ thuật kèm theo chưa thể hiện đầy đủ nội dung theo quy định.",
        "Bộ tài liệu kỹ thuật bổ sung (02 bản)",
    ),
    (
        "Thông tin kê khai trong tờ khai không khớp với giấy tờ tùy thân.",
        "Tờ khai đã chỉnh sửa thông tin (bản chính)",
    ),
    ("Giấy khám sức khỏe đã hết thời hạn sử dụng.", "Giấy khám sức khỏe còn giá trị (bản chính)"),
]
REFUSAL_REASONS = [
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại Ủy ban nhân dân cấp xã nơi cư trú.",
    "Tổ chức, cá nhân không đáp ứng điều kiện theo quy định của pháp luật chuyên ngành.",
    "Hồ sơ nộp trùng với hồ sơ đang được giải quyết.",
    "Kết quả thẩm định không đủ điều kiện cấp phép theo quy định hiện hành.",
]
WITHDRAW_REASONS = [
    "Công dân có đơn xin rút hồ sơ để hoàn thiện lại giấy tờ.",
    "Tổ chức thay đổi nhu cầu, đề nghị rút hồ sơ.",
    "Công dân đề nghị rút hồ sơ để nộp trực tuyến.",
]
STOP_REASONS = [
    "Quá thời hạn bổ sung hồ sơ theo thông báo nhưng tổ chức, cá nhân không bổ sung.",
    "Tổ chức, cá nhân không thực hiện nghĩa vụ tài chính trong thời hạn quy định.",
]
APOLOGY_REASONS = [
    "Hồ sơ phải lấy ý kiến của cơ quan liên quan, văn bản trả lời chậm so với thời hạn.",
    "Cần xác minh thực địa, thời tiết mưa bão kéo dài không thể tổ chức kiểm tra.",
    "Số lượng hồ sơ tăng đột biến trong kỳ, cán bộ thụ lý đi công tác.",
    "Hệ thống phần mềm chuyên ngành gián đoạn, không cập nhật được dữ liệu.",
]
TRANSFER_NOTES = [
    "Đề nghị cho ý kiến về nội dung liên quan thuộc lĩnh vực quản lý.",
    "Đề nghị xác minh, cung cấp thông tin phục vụ giải quyết hồ sơ.",
]
# Share of each final state among the generated dossiers.
TARGET_WEIGHTS = [
    ("returned", 110),
    ("done", 20),
    ("in_progress", 42),
    ("received", 14),
    ("registered", 12),
    ("draft", 6),
    ("supplement", 16),
    ("financial", 8),
    ("refused", 16),
    ("withdrawn", 9),
    ("stopped", 7),
]
# Final states of the dossiers of the demo portal accounts.
CITIZEN_TARGETS = ["returned", "in_progress", "supplement", "done", "registered", "returned"]
BUSINESS_TARGETS = ["returned", "in_progress", "financial", "returned", "received"]
# Dossiers that go through every step must fit in the window: no procedure longer than this.
MAX_CLOSED_HOURS = 26 * 8


class _DemoStop(Exception):
    """The next event of a dossier's history would happen after now: its history stops here."""


class _DemoClock:
    """Stands for ``fields.Datetime.now`` while the history is being played."""

    def __init__(self, value):
        self.value = value

    def now(self, *args, **kwargs):
        return self.value


class PublicAdminDemoLoader(models.AbstractModel):
    _name = "public_admin.demo.loader"
    _description = "Demo data loader of the public administration centre"

    # ------------------------------------------------------------------ catalogue
    @api.model
    def _read_demo_catalogue(self):
        with file_open(CATALOGUE_FILE, "rb") as catalogue_file:
            return json.loads(catalogue_file.read())

    @api.model
    def _demo_ref(self, name):
        return self.env.ref(f"{MODULE}.{name}", raise_if_not_found=False)

    @api.model
    def _load_demo_catalogue(self, agencies=None):
        """Sectors and procedures of ``demo/procedures_demo.json``, with their checklists and steps.

        :param agencies: optional mapping of the agency keys of the file (xml ids such as
            ``agency_xaydung_demo``) to agencies to use instead, e.g. in tests without demo data.
        :return: the procedures of the file (existing ones are kept as they are)
        """
        agencies = agencies or {}
        data = self._read_demo_catalogue()
        env = self.sudo().with_context(tracking_disable=True, mail_create_nolog=True).env
        xmlids = []

        sectors = {}
        Sector = env["public_admin.sector"].with_context(active_test=False)
        for sector_data in data["sectors"]:
            sector = self._demo_ref(sector_data["xmlid"]) or Sector.search(
                [("name", "=", sector_data["name"])], limit=1
            )
            if not sector:
                sector = Sector.create({"name": sector_data["name"], "ministry": sector_data["ministry"]})
                xmlids.append(
                    {
                        "xml_id": f"{MODULE}.{sector_data['xmlid']}",
                        "record": sector,
                        "noupdate": True,
                    }
                )
            sectors[sector_data["xmlid"]] = sector

        def agency(key):
            record = agencies.get(key) or self._demo_ref(key)
            if not record:
                raise UserError(self.env._("The demo agency %(key)s is missing.", key=key))
            return record

        today = fields.Date.context_today(self)
        effective_from = min(CATALOGUE_EFFECTIVE_FROM, today - timedelta(days=120))
        procedures = env["public_admin.procedure"]
        to_create, new_xmlids = [], []
        for entry in data["procedures"]:
            existing = self._demo_ref(entry["xmlid"])
            if existing:
                procedures |= existing
                continue
            vals = {
                "code": entry["code"],
                "name": entry["name"],
                "sector_id": sectors[entry["sector"]].id,
                "agency_id": agency(entry["agency"]).id,
                "level": entry["level"],
                "processing_time_text": entry["processing_time_text"],
                "online_level": entry["online_level"],
                "accepts_postal": entry["accepts_postal"],
                "fee_text": entry["fee_text"],
                "result_description": entry["result_description"],
                "applicant_type": entry["applicant_type"],
                "source_url": entry["source_url"],
                "date_effective_from": effective_from,
                "document_ids": [
                    fields.Command.create(
                        {
                            "sequence": (index + 1) * 10,
                            "name": document["name"],
                            "copies": document["copies"],
                            "copy_type": document["copy_type"],
                            "is_required": document["is_required"],
                            "note": document["note"] or False,
                        }
                    )
                    for index, document in enumerate(entry["documents"])
                ],
                "step_ids": [
                    fields.Command.create(
                        {
                            "sequence": (index + 1) * 10,
                            "name": step["name"],
                            "role": step["role"],
                            "agency_id": agency(step["agency"]).id,
                            "duration_hours": step["hours"],
                        }
                    )
                    for index, step in enumerate(entry["steps"])
                ],
            }
            for optional in ("processing_time_unit", "processing_time_local"):
                if entry.get(optional):
                    vals[optional] = entry[optional]
            to_create.append(vals)
            new_xmlids.append(entry["xmlid"])
        created = env["public_admin.procedure"].create(to_create)
        xmlids += [
            {"xml_id": f"{MODULE}.{name}", "record": procedure, "noupdate": True}
            for name, procedure in zip(new_xmlids, created, strict=True)
        ]
        env["ir.model.data"]._update_xmlids(xmlids)
        return (procedures | created).with_env(self.env)

    # ------------------------------------------------------------------ dossiers
    @api.model
    def _generate_demo_dossiers(self, count=300, seed=2025, procedures=None, reception_centre=None, days=60):
        """Make ``count`` dossiers received over the last ``days`` days, with their whole history.

        Each dossier gets a final state to reach (every state is represented, the first eleven
        dossiers take one each) and a reception moment from which that state can be reached by
        now; its history is then played through the transition methods, as the user who would
        perform each of them (front desk, officer or head of the agency holding the step), with
        ``fields.Datetime.now`` answering the time of the event. An event that would fall after
        the real now is not played: the dossier stays where it is, as it would in real life.
        The clock is patched for the whole process while this runs (and restored after, even on
        error): meant for loading demo data and for tests, not for a server serving users.

        :param procedures: procedures to draw from (default: those in force that have a
            deciding agency)
        :param reception_centre: receiving unit (default: the first reception centre)
        :return: the dossiers made (or those made by an earlier call with the same seed)
        """
        env = self.env(su=True)
        xmlid_prefix = f"dossier_{seed}_"
        if self._demo_ref(f"{xmlid_prefix}0001_demo"):
            _logger.info("Demo dossiers of seed %s already exist: not generated again", seed)
            existing = env["ir.model.data"].search(
                [
                    ("module", "=", MODULE),
                    ("model", "=", "public_admin.dossier"),
                    ("name", "=like", f"{xmlid_prefix}%"),
                ]
            )
            return self.env["public_admin.dossier"].browse(existing.mapped("res_id"))
        procedures = (procedures or env["public_admin.procedure"].search([("is_current", "=", True)])).sudo()
        procedures = procedures.filtered(lambda p: p.agency_id and p.is_current)
        centre = (
            reception_centre or env["public_admin.agency"].search([("is_reception_centre", "=", True)], limit=1)
        ).sudo()
        if not procedures or not centre:
            raise UserError(self.env._("Demo dossiers need procedures in force and a reception centre."))
        if env["res.lang"].search_count([("code", "=", "vi_VN")]):
            env = env(context=dict(env.context, lang="vi_VN"))
        context = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_notrack": True,
            "mail_activity_quick_update": True,
            "mail_auto_subscribe_no_notify": True,
        }
        env = env(context=dict(env.context, **context))

        started = time.time()
        now = fields.Datetime.now()
        rng = random.Random(seed)
        calendar = centre.calendar_id
        weights = {entry["code"]: entry.get("demo_weight", 2) for entry in self._read_demo_catalogue()["procedures"]}
        generator = _DemoHistory(self.with_env(env), rng, now, days, centre, calendar, procedures, weights, seed)
        plans = generator.plan(count)
        clock = _DemoClock(now)
        Dossier = env["public_admin.dossier"]
        # The history is told in order of reception, so that the daily counters number the
        # dossiers of a day in the order they came in.
        plans.sort(key=lambda plan: plan["start"])
        with (
            patch.object(fields.Datetime, "now", clock.now),
            patch.object(type(Dossier), "_notify_applicant", lambda self, event: True),
        ):
            for plan in plans:
                generator.play(plan, clock)
        dossiers = Dossier.browse([plan["dossier"].id for plan in plans])
        # Back to the real now: dossiers still open past their appointment are overdue.
        dossiers.filtered(lambda d: d.state in ("received", "in_progress"))._update_overdue()
        generator.backdate_creation(plans)
        env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"{MODULE}.{xmlid_prefix}{plan['number']:04d}_demo",
                    "record": plan["dossier"],
                    "noupdate": True,
                }
                for plan in plans
            ]
            + [
                {"xml_id": f"{MODULE}.{name}", "record": partner, "noupdate": True}
                for name, partner in generator.partner_xmlids
            ]
        )
        _logger.info("%s demo dossiers generated in %.1f s", len(dossiers), time.time() - started)
        return dossiers.with_env(self.env)


class _DemoHistory:
    """Plans and plays the history of demo dossiers (helper of the loader, not a model)."""

    def __init__(self, loader, rng, now, days, centre, calendar, procedures, weights, seed):
        self.loader = loader
        self.env = loader.env
        self.rng = rng
        self.now = now
        self.centre = centre
        self.calendar = calendar
        self.engine = self.env["public_admin.deadline"]
        self.procedures = procedures
        self.weights = weights
        self.seed = seed
        self.window_start = now - timedelta(days=days)
        self.periods = self._working_periods(now - timedelta(days=days + 45), now)
        self.period_ends = [end for _begin, end in self.periods]
        self.partner_xmlids = []
        self.persons = []
        self.companies = []
        self.partner_seq = 0
        self.company_names = set()
        admin = self.env.ref("base.user_admin", raise_if_not_found=False) or self.env.user
        manager = centre.user_ids.filtered(lambda u: u.has_group("public_admin_centre.group_centre_manager"))
        self.manager = manager[:1] or admin
        front = centre.user_ids.filtered(
            lambda u: (
                u.has_group("public_admin_centre.group_front_desk")
                and not u.has_group("public_admin_centre.group_centre_manager")
            )
        )
        self.front_desk = front or self.manager
        self.lang = "vi_VN" if self.env["res.lang"].search_count([("code", "=", "vi_VN")]) else False
        self.country = self.env.ref("base.vn", raise_if_not_found=False)
        self.state = self.env.ref("base.state_vn_VN-21", raise_if_not_found=False)
        self.citizen = loader._demo_ref("partner_congdan_demo")
        business = loader._demo_ref("partner_doanhnghiep_demo")
        self.business = business.commercial_partner_id if business else False
        # Online dossiers of the demo portal accounts are submitted by their users.
        self.portal_users = {}
        for partner, login in (
            (self.citizen, "user_congdan_demo"),
            (self.business, "user_doanhnghiep_demo"),
        ):
            user = loader._demo_ref(login)
            if partner and user:
                self.portal_users[partner.id] = user

    # ---------------------------------------------------------------- working time
    def _working_periods(self, start, end):
        calendar = self.engine._check_calendar(self.calendar)
        intervals = self.engine._work_intervals(calendar, utc.localize(start), utc.localize(end))
        return [
            (b.astimezone(utc).replace(tzinfo=None), e.astimezone(utc).replace(tzinfo=None))
            for b, e, _recs in intervals
        ]

    def working_before(self, moment, hours):
        """The moment ``hours`` working hours before ``moment``."""
        remaining = timedelta(hours=hours)
        for begin, end in reversed(self.periods):
            if begin >= moment:
                continue
            end = min(end, moment)
            if remaining <= end - begin:
                return (end - remaining).replace(microsecond=0)
            remaining -= end - begin
        return self.periods[0][0]

    def working_moment_between(self, start, end):
        """A random working moment in [start, end] (the last one before ``end`` if none)."""
        spans = [(max(b, start), min(e, end)) for b, e in self.periods if e > start and b < end]
        spans = [(b, e) for b, e in spans if e > b]
        if not spans:
            return self.working_before(end, 0.5)
        total = sum((e - b).total_seconds() for b, e in spans)
        pick = self.rng.uniform(0, total)
        for b, e in spans:
            length = (e - b).total_seconds()
            if pick <= length:
                return (b + timedelta(seconds=pick)).replace(microsecond=0)
            pick -= length
        return spans[-1][0]

    def after(self, moment, hours):
        """``hours`` working hours after ``moment``.

        Read from the working periods up to now (the history never goes further); the
        deadline engine answers for later moments, such as a new appointment.
        """
        remaining = timedelta(seconds=round(max(hours, 0.05) * 3600))
        for begin, end in self.periods[bisect.bisect_right(self.period_ends, moment) :]:
            begin = max(begin, moment)
            if remaining <= end - begin:
                return (begin + remaining).replace(microsecond=0)
            remaining -= end - begin
        return self.engine.add_working_hours(self.calendar, moment, max(hours, 0.05)).replace(microsecond=0)

    def hours_until(self, start, end):
        """Working hours from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        if max(start, end) > self.now:
            return self.engine.working_hours_between(self.calendar, start, end)
        low, high = min(start, end), max(start, end)
        seconds = sum(
            (min(e, high) - max(b, low)).total_seconds()
            for b, e in self.periods[bisect.bisect_right(self.period_ends, low) :]
            if b < high
        )
        return seconds / 3600 if end >= start else -seconds / 3600

    def applied_hours(self, procedure):
        amount = procedure.processing_time
        return {
            "working_day": amount * 8,
            "calendar_day": amount * 8 * 5 / 7,
            "working_hour": amount,
            "same_day": 6.0,
        }.get(procedure.processing_time_unit, amount * 8)

    # ---------------------------------------------------------------- people
    def _mobile(self):
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + "".join(str(self.rng.randrange(10)) for _i in range(7))
            if normalize_vietnamese_phone(number):
                return f"{number[:4]} {number[4:7]} {number[7:]}"

    def _citizen_id(self, gender, year):
        province = self._weighted(ID_PROVINCES)
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

    def _weighted(self, pairs):
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
            family = self._weighted(FAMILY_NAMES)
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
        company = procedure.applicant_type == "organisation" or (
            procedure.applicant_type == "both" and self.rng.random() < 0.35
        )
        pool = self.companies if company else self.persons
        # Some applicants come back with another dossier.
        if pool and self.rng.random() < (0.35 if company else 0.12):
            return self.rng.choice(pool)
        partner = self._new_partner(company)
        pool.append(partner)
        return partner

    def people(self, agency):
        """(officers, heads) of ``agency``, or of the nearest parent agency that has people."""
        while agency:
            heads = agency.head_user_ids
            officers = agency.user_ids - heads
            if officers or heads:
                return officers or heads, heads or officers
            agency = agency.parent_id
        return self.manager, self.manager

    def actor(self, step):
        officers, heads = self.people(step.agency_id)
        return self.rng.choice(heads if step.role == "head" else officers)

    # ---------------------------------------------------------------- planning
    def plan(self, count):
        targets = [target for target, _w in TARGET_WEIGHTS]
        self.rng.shuffle(targets)
        plans = []
        for index in range(count):
            special = None
            simple = index < len(targets)
            target = targets[index] if simple else self._weighted(TARGET_WEIGHTS)
            # A few dossiers of the demo portal accounts, in telling states.
            if self.citizen and 11 <= index < 17:
                special = self.citizen
                target = CITIZEN_TARGETS[index - 11]
            elif self.business and 17 <= index < 22:
                special = self.business
                target = BUSINESS_TARGETS[index - 17]
            plans.append(self._plan_one(index + 1, target, special, simple))
        return plans

    def _pick_procedure(self, target, special):
        def closed(procedure):
            return self.applied_hours(procedure) <= MAX_CLOSED_HOURS

        filters = {
            "registered": lambda p: p.online_level != "none",
            "received": lambda p: self.applied_hours(p) >= 16,
            "in_progress": lambda p: self.applied_hours(p) >= 24,
            "supplement": lambda p: self.applied_hours(p) >= 16,
            "financial": lambda p: closed(p) and self.applied_hours(p) >= 16,
        }
        candidates = self.procedures.filtered(filters.get(target, closed)) or self.procedures
        if special:
            excluded = "person" if special.is_company else "organisation"
            candidates = candidates.filtered(lambda p: p.applicant_type != excluded) or candidates
        weights = [self.weights.get(p.code, 2) for p in candidates]
        return self.rng.choices(candidates, weights=weights)[0]

    def _plan_one(self, number, target, special, simple):
        """What happens to one dossier, and when it came in.

        ``simple`` dossiers (the first of each state) take no detour, with wide margins, so
        that even a handful of dossiers shows every state.
        """
        rng = self.rng
        procedure = self._pick_procedure(target, special)
        plan = {
            "number": number,
            "target": target,
            "procedure": procedure,
            "partner": special or self.applicant(procedure),
            "simple": simple,
            "late": False,
            "supplements": 0,
            "financial": False,
            "transfer": False,
            "apology": False,
            "refuse_before_reception": False,
            "speed": rng.uniform(0.45, 0.9),
            # working hours from the start of a step to a supplement request or to the wait for
            # the financial obligation, and how long the applicant takes to answer
            "request_after": rng.uniform(1, 8),
            "pauses": [rng.uniform(4, 32) for _i in range(3)],
        }
        self._plan_channel(plan)
        self._plan_detours(plan)
        plan["start"] = self._plan_start(plan)
        return plan

    def _plan_channel(self, plan):
        """Online where the procedure allows it, some by post, the rest at the counter."""
        rng, procedure, target = self.rng, plan["procedure"], plan["target"]
        online_share = {"full": 0.8, "partial": 0.45}.get(procedure.online_level, 0.0)
        draw = rng.random()
        channel = "online" if draw < online_share else "postal" if draw > 0.93 else "counter"
        if target == "registered":
            channel = "online"
        elif target in ("received", "draft") or (plan["simple"] and channel == "online"):
            channel = "counter"
        elif target == "refused" and procedure.online_level != "none" and not plan["simple"]:
            # some online dossiers are refused before they are even received
            plan["refuse_before_reception"] = rng.random() < 0.4
            channel = "online" if plan["refuse_before_reception"] else channel
        plan["channel"] = channel

    def _plan_detours(self, plan):
        """Lateness, apologies, supplements, financial obligation, unplanned transfers."""
        rng, target = self.rng, plan["target"]
        if target in ("returned", "done") and not plan["simple"]:
            plan["late"] = rng.random() < 0.14
            plan["apology"] = plan["late"] and rng.random() < 0.75
            plan["supplements"] = 2 if rng.random() < 0.03 else 1 if rng.random() < 0.18 else 0
            plan["financial"] = rng.random() < 0.10
            plan["transfer"] = rng.random() < 0.08
        elif target == "in_progress" and not plan["simple"]:
            hours = self.applied_hours(plan["procedure"])
            plan["late"] = hours <= MAX_CLOSED_HOURS and rng.random() < 0.35
            plan["apology"] = plan["late"] and rng.random() < 0.5
            plan["transfer"] = rng.random() < 0.1
        elif target == "supplement":
            plan["supplements"] = 2 if not plan["simple"] and rng.random() < 0.15 else 1
        elif target == "stopped":
            plan["supplements"] = 1
        elif target == "financial":
            plan["financial"] = True

    def _plan_start(self, plan):
        """Reception moment from which the final state is reached by now."""
        rng, target = self.rng, plan["target"]
        hours = self.applied_hours(plan["procedure"])
        delay = 8 if plan["channel"] == "online" else 0
        late_or_speed = 1.3 if plan["late"] else plan["speed"]
        detours = (
            sum(plan["pauses"][: plan["supplements"]])
            + plan["request_after"] * plan["supplements"]
            + (plan["pauses"][2] + 4 if plan["financial"] else 0)
            + (24 if plan["transfer"] else 0)
        )
        if target == "registered":
            return self.now - timedelta(hours=rng.uniform(0.5, 40))
        # working hours from reception to now
        before_now = {
            "draft": lambda: rng.uniform(0.1, 12),
            "received": lambda: rng.uniform(0.1, 1.2),
            "in_progress": lambda: (
                hours * rng.uniform(1.08, 1.4) + 2 + delay
                if plan["late"]
                else hours * rng.uniform(0.08, 0.3) + 3 + delay
            ),
            "supplement": lambda: (
                plan["request_after"] * plan["supplements"]
                + sum(plan["pauses"][: plan["supplements"] - 1])
                + rng.uniform(2, 30)
                + 3
                + delay
            ),
            "financial": lambda: hours * 0.75 + plan["request_after"] + rng.uniform(2, 24) + 4 + delay,
            "done": lambda: (
                (hours * late_or_speed + detours + 6 + delay) * (1.3 if plan["simple"] else 1.1) + rng.uniform(1, 16)
            ),
        }
        if target in before_now:
            return self.working_before(self.now, before_now[target]())
        # Closed dossiers came in anywhere in the window, early enough to be closed by now.
        span = (
            {
                "returned": hours * late_or_speed + detours + 30,
                "refused": hours * 0.8,
                "withdrawn": 24,
                "stopped": plan["request_after"] + 130,
            }[target]
            + 6
            + delay
        )
        latest = self.working_before(self.now, span * (1.3 if plan["simple"] else 1.1) + 4)
        earliest = max(self.window_start, self.periods[0][0])
        return self.working_moment_between(min(earliest, latest), latest)

    # ---------------------------------------------------------------- playing
    def at(self, clock, moment):
        if moment > self.now:
            raise _DemoStop()
        clock.value = moment.replace(microsecond=0)

    def play(self, plan, clock):
        """Play the history of one dossier, up to now."""
        with contextlib.suppress(_DemoStop):
            _DemoDossierStory(self, plan, clock).tell()

    def _share(self, dossier, moment, speed):
        """Working hours the current step takes: its share of the time left to the appointment."""
        pending = dossier.step_ids.filtered(lambda s: not s.date_done).sorted()
        planned = []
        previous = max([s.planned_offset_hours for s in dossier.step_ids if s.date_done] or [0.0])
        for pending_step in pending:
            planned.append(max(pending_step.planned_offset_hours - previous, 1.0))
            previous = max(previous, pending_step.planned_offset_hours)
        share = planned[0] / sum(planned) if planned else 1.0
        left = self.hours_until(moment, dossier.date_due)
        return max(left * share * speed, 0.2)

    def backdate_creation(self, plans):
        """Creation dates as the history tells them (the ORM sets the transaction's time)."""
        rows = [SQL("(%s, %s::timestamp)", plan["dossier"].id, plan["start"]) for plan in plans]
        if not rows:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE public_admin_dossier d SET create_date = v.created "
                "FROM (VALUES %s) AS v(id, created) WHERE d.id = v.id",
                SQL(", ").join(rows),
            )
        )
        self.env["public_admin.dossier"].invalidate_model(["create_date"])


class _DemoDossierStory:
    """The history of one demo dossier, told through the transitions of the dossier."""

    def __init__(self, history, plan, clock):
        self.history = history
        self.rng = history.rng
        self.plan = plan
        self.target = plan["target"]
        self.clock = clock
        self.moment = plan["start"]
        self.front = self.rng.choice(history.front_desk)
        # who submits online: the applicant's portal account, or the national portal (system)
        self.system = history.portal_users.get(plan["partner"].id) or history.env.ref("base.user_root")
        self.dossier = None
        self.pauses = iter(plan["pauses"])

    def wait(self, hours):
        """The next event happens ``hours`` working hours later (not after now)."""
        self.moment = self.history.after(self.moment, hours)
        self.history.at(self.clock, self.moment)

    def act(self, user, method, *args):
        """Call a transition as ``user`` (superuser rights, the user's identity), then date
        the messages it posted by the clock rather than by the time of generation."""
        getattr(self.dossier.with_user(user).sudo(), method)(*args)
        self.dossier.env.cr.execute(
            SQL(
                "UPDATE mail_message SET date = %(date)s "
                "WHERE model = 'public_admin.dossier' AND res_id = %(id)s AND date >= %(floor)s",
                date=self.clock.value,
                id=self.dossier.id,
                floor=self.history.now,
            )
        )

    def tell(self):
        self.clock.value = self.moment
        self._create()
        if self.target == "draft" or not self._receive() or self.target == "received":
            return
        self._process()
        if self.dossier.state == "done" and self.target != "done":
            self._return_result()

    def _create(self):
        plan = self.plan
        creator = self.system if plan["channel"] == "online" else self.front
        procedure = plan["procedure"]
        self.dossier = (
            self.history.env["public_admin.dossier"]
            .with_user(creator)
            .sudo()
            .create(
                {
                    "procedure_id": procedure.id,
                    "partner_id": plan["partner"].id,
                    # as declared at the counter (also filled from the partner by the dossier)
                    "applicant_id_number": plan["partner"].public_admin_id_number or False,
                    "channel": plan["channel"],
                    "receiving_agency_id": self.history.centre.id,
                    "summary": procedure.name,
                    "set_count": 1,
                }
            )
        )
        plan["dossier"] = self.dossier
        documents = self.dossier.document_ids
        if self.target == "draft":
            # still being entered at the counter: the last document is not checked yet
            documents[: max(len(documents) - 1, 0)].write({"is_received": True})
        else:
            documents.write({"is_received": True})

    def _receive(self):
        """Registered online (then received, or refused), or received at the counter or by post."""
        history = self.history
        if self.plan["channel"] == "online":
            history.at(self.clock, self.moment)
            self.act(self.system, "action_register_online")
            if self.target == "registered":
                return False
            self.wait(self.rng.uniform(0.3, 6))
            if self.plan["refuse_before_reception"]:
                self.act(self.front, "action_refuse", self.rng.choice(REFUSAL_REASONS[:3]))
                return False
        elif not history.engine.is_working_time(history.calendar, self.moment):
            self.wait(0)
        history.at(self.clock, self.moment)
        self.act(self.front, "action_receive")
        return True

    def _process(self):
        """Each step in turn: taken, maybe interrupted, finished (late if planned)."""
        dossier = self.dossier
        first = True
        financial_left = self.plan["financial"]
        while dossier.state in ("received", "in_progress") and dossier.current_step_id:
            step = dossier.current_step_id
            actor = self.history.actor(step)
            self.wait(self.rng.uniform(0.1, 1.5))
            self.act(actor, "action_start_step")
            if first and step.role != "head":
                first = False
                if not self._first_appraisal(step, actor):
                    return
                if dossier.current_step_id != step:
                    continue  # transferred to another agency
            is_last = len(dossier.step_ids.filtered(lambda s: not s.date_done)) == 1
            if financial_left and (is_last or step.role == "head"):
                financial_left = False
                if not self._financial_obligation(actor):
                    return
            if is_last and self.plan["late"]:
                self._late_finish()
            else:
                self.wait(self.history._share(dossier, self.moment, self.plan["speed"]))
            self.act(actor, "action_finish_step")

    def _first_appraisal(self, step, actor):
        """The first appraisal: where dossiers are withdrawn, refused, sent back for a supplement
        or to another agency. False when the story of the dossier ends here."""
        rng, target, dossier = self.rng, self.target, self.dossier
        if target == "withdrawn":
            self.wait(rng.uniform(2, 16))
            self.act(self.front, "action_withdraw", rng.choice(WITHDRAW_REASONS))
            return False
        if target == "refused":
            left = self.history.hours_until(self.moment, dossier.date_due)
            self.wait(max(left * rng.uniform(0.2, 0.7), 0.5))
            self.act(actor, "action_refuse", rng.choice(REFUSAL_REASONS[1:]))
            return False
        for remaining in reversed(range(self.plan["supplements"])):
            self.wait(self.plan["request_after"])
            reason, documents = rng.choice(SUPPLEMENT_REASONS)
            self.act(actor, "action_request_supplement", reason, documents)
            if target == "supplement" and not remaining:
                return False
            if target == "stopped":
                self.wait(rng.uniform(100, 125))
                self.act(actor, "action_stop", STOP_REASONS[0])
                return False
            self.wait(next(self.pauses))
            self.act(self.front, "action_resume")
        if self.plan["transfer"]:
            history = self.history
            others = history.procedures.step_ids.agency_id | history.procedures.agency_id
            others = (others - step.agency_id - history.centre).filtered(lambda a: a.user_ids or a.head_user_ids)
            if others:
                other = rng.choice(others)
                self.wait(history._share(dossier, self.moment, self.plan["speed"]))
                self.act(
                    actor,
                    "action_transfer",
                    other,
                    16.0,
                    rng.choice(TRANSFER_NOTES),
                    f"Lấy ý kiến {other.name}",
                )
        return True

    def _financial_obligation(self, actor):
        self.wait(self.plan["request_after"] / 2)
        self.act(actor, "action_await_financial")
        if self.target == "financial":
            return False
        self.wait(self.plan["pauses"][2])
        self.act(self.front, "action_financial_done")
        return True

    def _late_finish(self):
        """The last step ends after the appointment, maybe after an apology of its agency."""
        history, dossier, rng = self.history, self.dossier, self.rng
        if self.plan["apology"]:
            self.moment = max(self.moment, history.working_before(dossier.date_due, rng.uniform(0, 4)))
            history.at(self.clock, self.moment)
            late_agency = dossier.current_agency_id
            _officers, heads = history.people(late_agency)
            new_date = history.after(dossier.date_due, rng.uniform(24, 48))
            self.act(
                rng.choice(heads),
                "action_apologize",
                rng.choice(APOLOGY_REASONS),
                new_date,
                late_agency,
            )
        if self.target == "in_progress":
            raise _DemoStop()  # still being processed, past its appointment
        self.moment = max(self.moment, history.after(dossier.date_due, rng.uniform(1, 24)))
        history.at(self.clock, self.moment)

    def _return_result(self):
        rng = self.rng
        self.wait(rng.uniform(0.5, 24))
        if self.plan["channel"] == "online" and self.plan["procedure"].online_level == "full":
            self.act(self.front, "action_return_result", "online")
        elif self.plan["channel"] == "postal" or rng.random() < 0.1:
            self.act(self.front, "action_return_result", "post", f"EB{rng.randrange(10**9):09d}VN")
        else:
            self.act(self.front, "action_return_result", "counter")
