"""Demo complaints in every state, played by the demo people at past dates (the complaint's
``public_admin_clock`` seam), so that the lists, the indices and indicators 5.2/5.3 show figures."""

from datetime import timedelta

from odoo import api, fields, models

# (days ago received, sender, phone, email, class, subject, content, the story: [(days ago, who, action, argument)])
DEMO_COMPLAINTS = [
    (
        1,
        "Lê Thị Hoa",
        "0912 000 101",
        "hoa.le@example.vn",
        "other",
        "Thiếu chỗ để xe",
        "Bãi xe của Trung tâm thường hết chỗ vào buổi sáng thứ Hai.",
        [],
    ),
    (
        3,
        "Nguyễn Văn Bảo",
        "0912 000 102",
        False,
        "regulation",
        "Yêu cầu giấy tờ ngoài danh mục",
        "Khi xin giấy phép xây dựng tôi được yêu cầu nộp thêm bản sao sổ hộ khẩu, không có trong danh mục.",
        [(2, "quanly", "assign", "xaydung")],
    ),
    (
        6,
        "Trần Minh Châu",
        "0912 000 103",
        "chau.tran@example.vn",
        "conduct",
        "Thái độ cán bộ",
        "Cán bộ tại quầy số 5 trả lời thiếu nhiệt tình khi tôi hỏi về thủ tục đất đai.",
        [
            (5, "tiepnhan", "assign", "nnmt"),
            (4, "canbo.tnmt", "request_supplement", "Xin ông cho biết ngày và giờ đến làm thủ tục."),
        ],
    ),
    (
        12,
        "Phạm Thị Dung",
        "0912 000 104",
        False,
        "regulation",
        "Thời hạn cấp giấy chứng nhận",
        "Vì sao thời hạn cấp giấy chứng nhận quyền sử dụng đất dài hơn thời hạn niêm yết?",
        [
            (11, "quanly", "assign", "nnmt"),
            (4, "canbo.tnmt", "answer", "Thời hạn niêm yết là 15 ngày làm việc, không tính thời gian bổ sung hồ sơ."),
        ],
    ),
    (
        20,
        "Hoàng Văn Em",
        "0912 000 105",
        "em.hoang@example.vn",
        "regulation",
        "Lệ phí cấp phép xây dựng",
        "Tôi đề nghị công khai rõ mức lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ.",
        [
            (19, "quanly", "assign", "xaydung"),
            (
                10,
                "canbo.xaydung",
                "answer",
                "Mức lệ phí 75.000 đồng/giấy phép, đã niêm yết tại quầy và trên Cổng dịch vụ công.",
            ),
            (9, "quanly", "publish", None),
            (8, "tiepnhan", "satisfaction", "satisfied"),
        ],
    ),
    (
        9,
        "Vũ Thị Giang",
        "0912 000 106",
        False,
        "other",
        "Quảng cáo dịch vụ",
        "Nội dung quảng cáo không liên quan đến thủ tục hành chính.",
        [(8, "tiepnhan", "refuse", "Nội dung không thuộc phạm vi phản ánh, kiến nghị về thủ tục hành chính.")],
    ),
    (
        40,
        "Đỗ Văn Hùng",
        "0912 000 107",
        "hung.do@example.vn",
        "conduct",
        "Hẹn trả kết quả nhiều lần",
        "Hồ sơ của tôi bị hẹn lại ba lần mà không có phiếu xin lỗi.",
        [(39, "quanly", "assign", "xaydung")],
    ),
    (
        30,
        "Bùi Thị Lan",
        "0912 000 108",
        False,
        "regulation",
        "Cấp đổi giấy phép lái xe",
        "Đề nghị cho phép cấp đổi giấy phép lái xe trực tuyến toàn trình.",
        [
            (29, "quanly", "assign", "xaydung"),
            (
                15,
                "canbo.xaydung",
                "answer",
                "Thủ tục đã được cung cấp trực tuyến toàn trình trên Cổng dịch vụ công quốc gia.",
            ),
            (14, "tiepnhan", "satisfaction", "not_satisfied"),
        ],
    ),
]
USERS = {
    "quanly": "public_admin_centre.user_quanly_demo",
    "tiepnhan": "public_admin_centre.user_tiepnhan_demo",
    "canbo.tnmt": "public_admin_centre.user_canbo_tnmt_demo",
    "canbo.xaydung": "public_admin_centre.user_canbo_xaydung_demo",
}
AGENCIES = {"xaydung": "public_admin_centre.agency_xaydung_demo", "nnmt": "public_admin_centre.agency_nnmt_demo"}


class PublicAdminComplaintDemo(models.AbstractModel):
    _name = "public_admin.complaint.demo"
    _description = "Demo complaints"

    @api.model
    def _load_demo(self):
        now = fields.Datetime.now().replace(hour=2, minute=0, second=0, microsecond=0)  # 09:00 local
        quiet = {"public_admin_no_notify": True, "tracking_disable": True, "mail_notrack": True}

        def env_at(login, days_ago):
            moment = now - timedelta(days=days_ago)
            user = self.env.ref(USERS[login])
            return self.env(user=user, context=dict(self.env.context, **quiet, public_admin_clock=lambda: moment))

        for days, name, phone, email, category, subject, content, story in DEMO_COMPLAINTS:
            complaint = env_at("tiepnhan", days)["public_admin.complaint"].create(
                {
                    "sender_name": name,
                    "sender_phone": phone,
                    "sender_email": email,
                    "category": category,
                    "subject": subject,
                    "content": content,
                }
            )
            for when, login, action, argument in story:
                record = complaint.with_env(env_at(login, when))
                if action == "assign":
                    record.action_assign(self.env.ref(AGENCIES[argument]))
                elif action == "publish":
                    record.action_publish()
                elif action == "satisfaction":
                    record.with_context(complaint_satisfaction=argument).action_record_satisfaction()
                else:
                    getattr(record, f"action_{action}")(argument)
        self.env["public_admin.complaint"]._cron_update_overdue()
        return True
