"""Report models of the standard forms of the one-stop shop.

Each per-dossier form has its own ``report.public_admin_centre.<template>`` model; they share
:class:`PublicAdminDossierFormReport`, which checks that the form applies to the dossier,
marks reprints as copies, logs every PDF issued and prepares the values the templates print.
"""

import base64
from io import BytesIO

import pytz
import qrcode

from odoo import api, models
from odoo.exceptions import UserError

# The form set: numbers and titles of the forms annexed to Circular 01/2018/TT-VPCP, now
# Circular 03/2025/TT-VPCP. The 2025 set is unverified in detail: this is the one place to
# change a number or a title. An empty number is not printed.
FORM_SET = {
    "receipt": {"number": "Mẫu số 01", "title": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"},
    "supplement": {"number": "Mẫu số 02", "title": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"},
    "refusal": {"number": "Mẫu số 03", "title": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"},
    "apology": {"number": "Mẫu số 04", "title": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"},
    "stop": {"number": "Mẫu số 05", "title": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"},
    "control_sheet": {"number": "Mẫu số 06", "title": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"},
    "register": {"number": "Mẫu số 07", "title": "SỔ THEO DÕI HỒ SƠ"},
}

# Official wording printed on the forms, whatever the language of the user printing them.
COPY_TYPE_LABELS = {
    "original": "Bản chính",
    "certified": "Bản sao chứng thực",
    "photocopy": "Bản chụp",
    "original_or_certified": "Bản chính hoặc bản sao chứng thực",
}
TIMELINESS_LABELS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
TIME_UNIT_LABELS = {
    "working_day": "ngày làm việc",
    "working_hour": "giờ làm việc",
    "calendar_day": "ngày",
}
COPY_MARK = "BẢN SAO"


def qr_code_png(value):
    """A QR code of ``value`` as base64 PNG, drawn the way Odoo draws its TOTP codes (auth_totp)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(value)
    code.make(fit=True)
    data = BytesIO()
    code.make_image().save(data, format="PNG")
    return base64.b64encode(data.getvalue()).decode()


def format_amount(value):
    """15.0 -> "15", 2.5 -> "2,5" (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


class PublicAdminDossierFormReport(models.AbstractModel):
    """Shared behaviour of the per-dossier standard forms."""

    _name = "public_admin.dossier.form.report"
    _description = "Standard form of a dossier"

    # Key of the form in FORM_SET and form_type of its log rows; set by each report model.
    _form_type = None

    # ------------------------------------------------------------------ rendering entry point
    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        dossiers = self.env["public_admin.dossier"].browse(docids)
        for dossier in dossiers:
            self._check_form_applies(dossier)
        issued_ids = self._issued_dossier_ids(dossiers)
        is_copy = {dossier.id: dossier.id in issued_ids for dossier in dossiers}
        # Only a PDF is an issued form; the HTML preview in the browser logs nothing.
        if data.get("report_type") == "pdf":
            self._log_issued(dossiers, is_copy)
        return {
            "doc_ids": dossiers.ids,
            "doc_model": dossiers._name,
            "docs": dossiers,
            "form": self._get_form_set()[self._form_type],
            "is_copy": is_copy,
            "copy_mark": COPY_MARK,
            "form_values": {dossier.id: self._get_form_values(dossier) for dossier in dossiers},
        }

    @api.model
    def _get_form_set(self):
        return FORM_SET

    # ------------------------------------------------------------------ guard, copies and log
    def _check_form_applies(self, dossier):
        """Raise a UserError when the form makes no sense for the dossier's state."""
        reason = self._form_not_applicable_reason(dossier)
        if reason:
            raise UserError(reason)

    def _form_not_applicable_reason(self, dossier):
        """A translated message explaining why the form cannot be issued, or an empty string."""
        return ""

    def _issued_dossier_ids(self, dossiers):
        logs = (
            self.env["public_admin.dossier.form.log"]
            .sudo()  # whether a form was issued before, for dossiers the user prints (read checked)
            .search_fetch(
                [("dossier_id", "in", dossiers.ids), ("form_type", "=", self._form_type)],
                ["dossier_id"],
            )
        )
        return set(logs.dossier_id.ids)

    def _log_issued(self, dossiers, is_copy):
        # Logging is part of printing a form the user may read: no separate right is needed.
        self.env["public_admin.dossier.form.log"].sudo().create(
            [
                {
                    "dossier_id": dossier.id,
                    "form_type": self._form_type,
                    "is_copy": is_copy[dossier.id],
                    "user_id": self.env.user.id,
                    "date_issued": dossier._now(),
                }
                for dossier in dossiers
            ]
        )

    # ------------------------------------------------------------------ values of one form
    def _get_form_values(self, dossier):
        unit = self._issuing_agency(dossier)
        return {
            "unit_parent_name": (unit.parent_id.name or "").upper(),
            "unit_name": (unit.name or dossier.company_id.name or "").upper(),
            "place_date": self._place_date(dossier, unit, self._issue_date(dossier)),
            "received": self._format_long(dossier, dossier.date_received),
            "request": self._request_text(dossier),
            "applicant_title": "Quý tổ chức" if dossier.partner_id.is_company else "Ông/Bà",
        }

    def _issuing_agency(self, dossier):
        return dossier.receiving_agency_id or dossier.agency_id

    def _issue_date(self, dossier):
        return dossier._now()

    def _request_text(self, dossier):
        procedure = dossier.procedure_id.name or ""
        summary = (dossier.summary or "").strip()
        return f"{procedure}. {summary}" if summary and summary != procedure else procedure

    # ------------------------------------------------------------------ Vietnamese dates
    @api.model
    def _local(self, dossier, value):
        """The UTC datetime ``value`` in the dossier's time zone, or False."""
        if not value:
            return False
        return pytz.utc.localize(value).astimezone(dossier._local_tz())

    @api.model
    def _format_long(self, dossier, value):
        """“09 giờ 30 phút, ngày 08/10/2025”, in the dossier's time zone."""
        local = self._local(dossier, value)
        return local.strftime("%H giờ %M phút, ngày %d/%m/%Y") if local else ""

    @api.model
    def _place_date(self, dossier, unit, value):
        """The place and date line: “Hà Nội, ngày 08 tháng 10 năm 2025”."""
        company = unit.company_id or dossier.company_id or self.env.company
        place = unit.partner_id.city or unit.partner_id.state_id.name or company.city or company.state_id.name or "……"
        local = self._local(dossier, value)
        return f"{place}, ngày {local:%d} tháng {local:%m} năm {local:%Y}"

    @api.model
    def _signer_name(self, users):
        return users[:1].name or ""

    @api.model
    def _result_place(self, dossier):
        """Where the applicant collects the result: the receiving unit and its address."""
        unit = dossier.receiving_agency_id or dossier.agency_id
        address = unit.partner_id._public_admin_one_line_address() if unit.partner_id else ""
        return ", ".join(part for part in (unit.name, address) if part)

    @api.model
    def _processing_time_text(self, procedure):
        """“15 ngày làm việc”, with the locally shortened time when there is one."""
        unit = procedure.processing_time_unit
        if unit == "same_day":
            return "Trong ngày"
        label = TIME_UNIT_LABELS.get(unit, "")
        legal, local = procedure.processing_time_legal, procedure.processing_time_local
        if not legal and not local:
            return ""
        text = f"{format_amount(legal or local)} {label}"
        if legal and local and local < legal:
            text += f" (thời gian giải quyết rút ngắn còn {format_amount(local)} {label})"
        return text

    @api.model
    def _document_rows(self, documents):
        return [
            {
                "name": document.name,
                "copy_type": COPY_TYPE_LABELS.get(document.copy_type, ""),
                "copies": document.copies,
                "note": document.note or "",
            }
            for document in documents
        ]


class ReportPublicAdminDossierReceipt(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_receipt"
    _inherit = "public_admin.dossier.form.report"
    _description = "Receipt and appointment slip"
    _form_type = "receipt"

    def _form_not_applicable_reason(self, dossier):
        if not dossier.date_received or not dossier.name:
            return self.env._(
                "Dossier %(dossier)s has not been received: there is no receipt to print.",
                dossier=dossier.display_name,
            )
        return ""

    def _issue_date(self, dossier):
        return dossier.date_received

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        status_url = dossier._get_public_status_url()
        book, entry = "", dossier.register_number or ""
        if "/" in entry:
            book, entry = entry.split("/", 1)
        values.update(
            {
                "documents": self._document_rows(dossier.document_ids.filtered("is_received")),
                "processing_time": self._processing_time_text(dossier.procedure_id),
                "appointment": self._format_long(dossier, dossier.date_due_initial or dossier.date_due),
                "result_place": self._result_place(dossier),
                "register_book": book,
                "register_entry": entry,
                "receiving_officer": self._signer_name(dossier.receiving_user_id),
                "status_url": status_url,
                "status_qr": qr_code_png(status_url),
            }
        )
        return values


class ReportPublicAdminDossierSupplement(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_supplement"
    _inherit = "public_admin.dossier.form.report"
    _description = "Supplement request"
    _form_type = "supplement"

    def _latest_supplement(self, dossier):
        pauses = dossier.pause_ids.filtered(lambda pause: pause.reason == "supplement")
        return pauses.sorted(lambda pause: (pause.date_start, pause.id))[-1:]

    def _form_not_applicable_reason(self, dossier):
        if not self._latest_supplement(dossier):
            return self.env._("No supplement was requested for dossier %(dossier)s.", dossier=dossier.display_name)
        return ""

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        pause = self._latest_supplement(dossier)
        to_fix = dossier.document_ids.filtered(lambda d: d.note or (d.is_required and not d.is_received))
        unit = dossier.receiving_agency_id or dossier.agency_id
        values.update(
            {
                "documents": self._document_rows(to_fix),
                "reason": pause.note or "",
                "officer": self._signer_name(pause.create_uid),
                "contact_unit": unit.name or "",
                "contact_phone": unit.phone or "",
                "contact_email": unit.email or "",
            }
        )
        return values

    def _issue_date(self, dossier):
        return self._latest_supplement(dossier).date_start


class ReportPublicAdminDossierRefusal(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_refusal"
    _inherit = "public_admin.dossier.form.report"
    _description = "Refusal"
    _form_type = "refusal"

    def _form_not_applicable_reason(self, dossier):
        if dossier.state != "refused":
            return self.env._(
                "Dossier %(dossier)s was not refused: there is no refusal to print.",
                dossier=dossier.display_name,
            )
        return ""

    def _issue_date(self, dossier):
        return dossier.date_closed or dossier._now()

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        values.update(
            {
                "reason": dossier.refusal_reason or "",
                "receiving_officer": self._signer_name(dossier.receiving_user_id or self.env.user),
            }
        )
        return values


class ReportPublicAdminDossierApology(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_apology"
    _inherit = "public_admin.dossier.form.report"
    _description = "Apology and new appointment"
    _form_type = "apology"

    def _latest_apology(self, dossier):
        return dossier.apology_ids.sorted(lambda apology: (apology.create_date, apology.id))[-1:]

    def _form_not_applicable_reason(self, dossier):
        if not dossier.apology_ids:
            return self.env._("No apology was recorded for dossier %(dossier)s.", dossier=dossier.display_name)
        return ""

    def _issuing_agency(self, dossier):
        return self._latest_apology(dossier).agency_id or super()._issuing_agency(dossier)

    def _issue_date(self, dossier):
        return self._latest_apology(dossier).create_date

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        apology = self._latest_apology(dossier)
        values.update(
            {
                "late_agency": apology.agency_id.name or "",
                "reason": apology.reason or "",
                "previous_appointment": self._format_long(dossier, apology.date_due_previous),
                "new_appointment": self._format_long(dossier, apology.date_due_new),
                "result_place": self._result_place(dossier),
                "head": self._signer_name(apology.agency_id.head_user_ids),
            }
        )
        return values


class ReportPublicAdminDossierStop(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_stop"
    _inherit = "public_admin.dossier.form.report"
    _description = "Notice of stopping processing"
    _form_type = "stop"

    def _form_not_applicable_reason(self, dossier):
        if dossier.state != "stopped":
            return self.env._(
                "Dossier %(dossier)s was not stopped: there is no notice to print.",
                dossier=dossier.display_name,
            )
        return ""

    def _issuing_agency(self, dossier):
        return dossier.agency_id or super()._issuing_agency(dossier)

    def _issue_date(self, dossier):
        return dossier.date_closed or dossier._now()

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        values.update(
            {
                "reason": dossier.stop_reason or "",
                "stopped_on": self._format_long(dossier, dossier.date_closed),
                "head": self._signer_name(dossier.agency_id.head_user_ids),
            }
        )
        return values


class ReportPublicAdminDossierControlSheet(models.AbstractModel):
    _name = "report.public_admin_centre.report_dossier_control_sheet"
    _inherit = "public_admin.dossier.form.report"
    _description = "Process control sheet"
    _form_type = "control_sheet"

    def _form_not_applicable_reason(self, dossier):
        if not dossier.date_received:
            return self.env._(
                "Dossier %(dossier)s has not been received: it has no processing to control yet.",
                dossier=dossier.display_name,
            )
        return ""

    def _get_form_values(self, dossier):
        values = super()._get_form_values(dossier)
        steps = dossier.step_ids.sorted(lambda step: (step.sequence, step.id))
        lead = dossier.agency_id
        values.update(
            {
                "rows": self._handover_rows(dossier, steps),
                "receipt_number": dossier.name,
                "lead_agency": lead.name or "",
                "partner_agencies": ", ".join((steps.agency_id - lead - dossier.receiving_agency_id).mapped("name")),
            }
        )
        return values

    def _handover_rows(self, dossier, steps):
        """One row per handover, from the dossier's own history, in order.

        The first row is the reception: the applicant hands the dossier to the receiving unit.
        Each step then receives the dossier from the agency of the step before it.
        """
        reception = dossier.receiving_agency_id
        rows = []
        if not steps.filtered(lambda step: step.role == "reception"):
            rows.append(
                {
                    "from_agency": "",
                    "from_user": dossier.applicant_name or "",
                    "to_agency": reception.name or "",
                    "to_user": dossier.receiving_user_id.name or "",
                    "date": self._format_long(dossier, dossier.date_received),
                    "result": "",
                    "note": "Tiếp nhận hồ sơ",
                }
            )
        previous_agency = reception
        for step in steps:
            is_reception = step.role == "reception"
            started = step.date_start
            rows.append(
                {
                    "from_agency": "" if is_reception else (previous_agency.name or ""),
                    "from_user": dossier.applicant_name if is_reception else (step.handed_by_id.name or ""),
                    "to_agency": step.agency_id.name or "",
                    "to_user": step.user_id.name or "",
                    "date": self._format_long(dossier, started) if started else "",
                    "result": TIMELINESS_LABELS.get(step.timeliness, ""),
                    "note": step.note or step.name,
                }
            )
            if started:
                previous_agency = step.agency_id
        if dossier.date_returned:
            rows.append(
                {
                    "from_agency": reception.name or "",
                    "from_user": "",
                    "to_agency": "",
                    "to_user": dossier.applicant_name or "",
                    "date": self._format_long(dossier, dossier.date_returned),
                    "result": TIMELINESS_LABELS.get(dossier.timeliness, ""),
                    "note": "Trả kết quả",
                }
            )
        return rows


class ReportPublicAdminDossierRegister(models.AbstractModel):
    """The dossier register for a period, printed from its wizard."""

    _name = "report.public_admin_centre.report_dossier_register"
    _description = "Dossier register"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["public_admin.dossier.register.wizard"].browse(docids)
        forms = self.env["public_admin.dossier.form.report"]
        dossier = self.env["public_admin.dossier"]
        values = {}
        for wizard in wizards:
            unit = wizard.agency_id
            values[wizard.id] = {
                "unit_parent_name": (unit.parent_id.name or "").upper(),
                "unit_name": (unit.name or wizard.env.company.name or "").upper(),
                "place_date": forms._place_date(dossier, unit, dossier._now()),
                "period": f"Từ ngày {wizard.date_from:%d/%m/%Y} đến ngày {wizard.date_to:%d/%m/%Y}",
                "rows": wizard._register_rows(),
            }
        return {
            "doc_ids": wizards.ids,
            "doc_model": wizards._name,
            "docs": wizards,
            "form": FORM_SET["register"],
            "is_copy": {},
            "copy_mark": COPY_MARK,
            "form_values": values,
        }
