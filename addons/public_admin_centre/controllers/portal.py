from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .tools import PRIVATE_HEADERS, read_uploads


class DossierPortal(CustomerPortal):
    """ "My dossiers": follow, submit online, answer a supplement request, withdraw."""

    # Standard forms addressed to the applicant that the portal lets them download, once
    # issued (the receipt: once the dossier is received). The control sheet stays internal.
    _dossier_portal_reports = {
        "receipt": "public_admin_centre.public_admin_dossier_report_receipt",
        "supplement": "public_admin_centre.public_admin_dossier_report_supplement",
        "refusal": "public_admin_centre.public_admin_dossier_report_refusal",
        "apology": "public_admin_centre.public_admin_dossier_report_apology",
        "stop": "public_admin_centre.public_admin_dossier_report_stop",
    }
    _dossier_messages = {
        "submitted": "success",
        "supplement_sent": "success",
        "withdrawn": "info",
    }

    # ------------------------------------------------------------------ home and list
    def _dossier_domain(self):
        """The user's own dossiers and, for a business account, its organisation's."""
        return [("partner_id", "child_of", request.env.user.commercial_partner_id.id), ("state", "!=", "draft")]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "dossier_count" in counters:
            Dossier = request.env["public_admin.dossier"]
            values["dossier_count"] = Dossier.search_count(self._dossier_domain()) if Dossier.has_access("read") else 0
        return values

    def _dossier_searchbar_filters(self):
        """Filters of "My dossiers" by group of states; ``states`` empty means all."""
        _ = request.env._
        filters = {
            "all": {"label": _("All"), "states": ()},
            "registered": {"label": _("Awaiting reception"), "states": ("registered",)},
            "open": {"label": _("Being processed"), "states": ("received", "in_progress")},
            "action": {"label": _("Your action needed"), "states": ("supplement", "financial")},
            "result": {"label": _("Result ready or returned"), "states": ("done", "returned")},
            "closed": {"label": _("Refused, withdrawn or stopped"), "states": ("refused", "withdrawn", "stopped")},
        }
        for spec in filters.values():
            spec["domain"] = [("state", "in", spec["states"])] if spec["states"] else []
        return filters

    def _dossier_searchbar_sortings(self):
        _ = request.env._
        return {
            "date": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "appointment": {"label": _("Appointment"), "order": "date_due asc, id desc"},
            "code": {"label": _("Dossier code"), "order": "name asc, id desc"},
        }

    @http.route(["/my/dossiers", "/my/dossiers/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_dossiers(self, page=1, sortby=None, filterby=None, **kw):
        Dossier = request.env["public_admin.dossier"]
        values = self._prepare_portal_layout_values()
        filters = self._dossier_searchbar_filters()
        sortings = self._dossier_searchbar_sortings()
        filterby = filterby if filterby in filters else "all"
        sortby = sortby if sortby in sortings else "date"
        base_domain = self._dossier_domain()
        counts = dict.fromkeys(filters, 0)
        for state, count in Dossier._read_group(base_domain, ["state"], ["__count"]):
            for key, spec in filters.items():
                if not spec["states"] or state in spec["states"]:
                    counts[key] += count
        domain = base_domain + filters[filterby]["domain"]
        total = counts[filterby]
        pager = portal_pager(
            url="/my/dossiers",
            url_args={"sortby": sortby, "filterby": filterby},
            total=total,
            page=page,
            step=self._items_per_page,
        )
        dossiers = Dossier.search(
            domain, order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_dossiers_history"] = dossiers.ids[:100]
        for key, spec in filters.items():
            spec["label"] = f"{spec['label']} ({counts[key]})"
        values.update(
            {
                "dossiers": dossiers,
                "dossier_counts": counts,
                "page_name": "dossier",
                "pager": pager,
                "default_url": "/my/dossiers",
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "state_labels": dict(Dossier._fields["state"]._description_selection(request.env)),
                "appointments": {
                    dossier.id: dossier._format_local(dossier._portal_appointment(), with_time=False)
                    # sudo: these dossiers were searched with the user's own rights above
                    for dossier in dossiers.sudo()
                },
            }
        )
        return request.render("public_admin_centre.portal_my_dossiers", values)

    # ------------------------------------------------------------------ one dossier
    def _dossier_check_access(self, dossier_id, access_token=None):
        """The dossier, as superuser, for its applicant or for the holder of its access token.

        Reading it is not enough: officers who read a dossier in the backend are not its
        applicant, and the portal pages would hand them its access token.
        """
        dossier_sudo = self._document_check_access("public_admin.dossier", dossier_id, access_token=access_token)
        if access_token and dossier_sudo.access_token and consteq(dossier_sudo.access_token, access_token):
            return dossier_sudo
        if not self._dossier_is_mine(dossier_sudo):
            raise AccessError(request.env._("Only the applicant follows this dossier on the portal."))
        return dossier_sudo

    def _dossier_is_mine(self, dossier_sudo):
        """The logged-in applicant (or a colleague of the organisation), not a token holder.

        Reading the dossier is not enough: an officer of an agency it passed through reads it,
        but only its applicant withdraws it or answers a supplement request from the portal.
        """
        return dossier_sudo.with_user(request.env.user)._portal_is_applicant()

    def _dossier_portal_forms(self, dossier_sudo):
        """Forms the applicant can download: [(form type, label, url)]."""
        FormLog = request.env["public_admin.dossier.form.log"]
        labels = dict(FormLog._fields["form_type"]._description_selection(request.env))
        issued = set(dossier_sudo.form_log_ids.mapped("form_type"))
        forms = []
        for form_type, xmlid in self._dossier_portal_reports.items():
            if not request.env.ref(xmlid, raise_if_not_found=False):
                continue
            if form_type == "receipt":
                if not dossier_sudo.name or not dossier_sudo.date_received:
                    continue
            elif form_type not in issued:
                continue
            forms.append(
                (form_type, labels.get(form_type, form_type), f"/my/dossiers/{dossier_sudo.id}/form/{form_type}")
            )
        return forms

    def _dossier_page_values(self, dossier_sudo, access_token, **kwargs):
        Dossier = request.env["public_admin.dossier"]
        is_mine = self._dossier_is_mine(dossier_sudo)
        message = kwargs.get("message")
        values = {
            "page_name": "dossier",
            "dossier": dossier_sudo,
            "is_mine": is_mine,
            "state_label": dict(Dossier._fields["state"]._description_selection(request.env)).get(
                dossier_sudo.state, ""
            ),
            "date_received": dossier_sudo._format_local(dossier_sudo.date_received),
            "date_registered": dossier_sudo._format_local(dossier_sudo.date_registered),
            "appointment": dossier_sudo._format_local(dossier_sudo._portal_appointment()),
            "appointment_moved": bool(dossier_sudo.date_due_promised),
            "next_step": dossier_sudo._portal_next_step(),
            "timeline": dossier_sudo._portal_timeline(),
            "documents": dossier_sudo.document_ids,
            "forms": self._dossier_portal_forms(dossier_sudo),
            "can_withdraw": is_mine and dossier_sudo._portal_can_withdraw(),
            "can_supplement": is_mine and dossier_sudo.state == "supplement",
            "copy_types": dict(
                request.env["public_admin.dossier.document"]._fields["copy_type"]._description_selection(request.env)
            ),
            "flash": message if message in self._dossier_messages else None,
            "flash_level": self._dossier_messages.get(message),
            "supplement_error": kwargs.get("supplement_error"),
            "supplement_message": kwargs.get("supplement_message", ""),
        }
        values = self._get_page_view_values(dossier_sudo, access_token, values, "my_dossiers_history", False)
        if is_mine and not access_token:
            # The portal chatter posts with the dossier's token: the applicant only reads the
            # dossier, and the token also hides the centre's internal notes from the thread.
            values["token"] = dossier_sudo._portal_ensure_token()
        return values

    @http.route("/my/dossiers/<int:dossier_id>", type="http", auth="public", website=True)
    def portal_my_dossier(self, dossier_id, access_token=None, message=None, **kw):
        try:
            dossier_sudo = self._dossier_check_access(dossier_id, access_token)
        except (AccessError, MissingError):
            dossier = request.env["public_admin.dossier"].browse(dossier_id)
            if request.env.user._is_internal() and dossier.exists() and dossier.has_access("read"):
                # Staff following a citizen's link work on the dossier in the backend.
                return request.redirect(f"/odoo/public_admin.dossier/{dossier_id}")
            return request.redirect("/my")
        if dossier_sudo.state == "draft":
            return request.redirect("/my")
        values = self._dossier_page_values(dossier_sudo, access_token, message=message)
        return request.render("public_admin_centre.portal_dossier_page", values, headers=PRIVATE_HEADERS)

    @http.route(
        "/my/dossiers/<int:dossier_id>/form/<string:form_type>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_dossier_form(self, dossier_id, form_type, access_token=None, **kw):
        """Download a standard form issued to the applicant (the receipt first of all)."""
        try:
            dossier_sudo = self._dossier_check_access(dossier_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        forms = {form[0] for form in self._dossier_portal_forms(dossier_sudo)}
        if form_type not in forms:
            raise NotFound()
        try:
            return self._show_report(
                model=dossier_sudo,
                report_type="pdf",
                report_ref=self._dossier_portal_reports[form_type],
                download=True,
            )
        except UserError:
            raise NotFound() from None

    @http.route("/my/dossiers/<int:dossier_id>/receipt", type="http", auth="public", website=True, methods=["GET"])
    def portal_dossier_receipt(self, dossier_id, access_token=None, **kw):
        return self.portal_dossier_form(dossier_id, "receipt", access_token=access_token)

    @http.route("/my/dossiers/<int:dossier_id>/file/<int:attachment_id>", type="http", auth="user", methods=["GET"])
    def portal_dossier_file(self, dossier_id, attachment_id, **kw):
        """A file of the dossier, for its applicant only (never through a shared token)."""
        try:
            dossier_sudo = self._dossier_check_access(dossier_id)
        except (AccessError, MissingError):
            raise NotFound() from None
        attachment = dossier_sudo.document_ids.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        response = stream.get_response(as_attachment=True)
        response.headers.update(PRIVATE_HEADERS)
        return response

    # ------------------------------------------------------------------ supplement and withdrawal
    @http.route("/my/dossiers/<int:dossier_id>/supplement", type="http", auth="user", website=True, methods=["POST"])
    def portal_dossier_supplement(self, dossier_id, message="", **kw):
        try:
            dossier_sudo = self._dossier_check_access(dossier_id)
        except (AccessError, MissingError):
            raise NotFound() from None
        if not self._dossier_is_mine(dossier_sudo):
            raise NotFound()
        Dossier = request.env["public_admin.dossier"]
        max_bytes = Dossier._portal_upload_max_bytes()
        files = request.httprequest.files
        files_by_document = {
            document.id: read_uploads(files.getlist(f"document_{document.id}"), max_bytes)
            for document in dossier_sudo.document_ids
        }
        general_files = read_uploads(files.getlist("other_files"), max_bytes)
        try:
            dossier_sudo.with_user(request.env.user)._portal_add_supplement_files(
                files_by_document,
                general_files,
                message=message,
            )
        except (UserError, ValidationError) as error:
            values = self._dossier_page_values(
                dossier_sudo,
                None,
                supplement_error=error.args[0],
                supplement_message=message,
            )
            return request.render(
                "public_admin_centre.portal_dossier_page", values, status=400, headers=PRIVATE_HEADERS
            )
        return request.redirect(f"/my/dossiers/{dossier_sudo.id}?{url_encode({'message': 'supplement_sent'})}")

    @http.route(
        "/my/dossiers/<int:dossier_id>/withdraw", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_dossier_withdraw(self, dossier_id, reason="", confirm=None, **kw):
        """GET asks for confirmation; POST (with the confirmation ticked) withdraws."""
        try:
            dossier_sudo = self._dossier_check_access(dossier_id)
        except (AccessError, MissingError):
            raise NotFound() from None
        if not self._dossier_is_mine(dossier_sudo):
            raise NotFound()
        values = {
            **self._prepare_portal_layout_values(),
            "page_name": "dossier",
            "dossier": dossier_sudo,
            "reason": reason,
            "error": None,
        }
        if not dossier_sudo._portal_can_withdraw():
            values["error"] = request.env._("This dossier can no longer be withdrawn.")
            return request.render("public_admin_centre.portal_dossier_withdraw", values, status=400)
        if request.httprequest.method != "POST":
            return request.render("public_admin_centre.portal_dossier_withdraw", values)
        if not confirm:
            values["error"] = request.env._("Tick the box to confirm that you withdraw this dossier.")
            return request.render("public_admin_centre.portal_dossier_withdraw", values, status=400)
        reason = (reason or "").strip()[:1000]
        try:
            dossier_sudo.action_withdraw(reason=reason or None)
        except UserError as error:
            values["error"] = error.args[0]
            return request.render("public_admin_centre.portal_dossier_withdraw", values, status=400)
        return request.redirect(f"/my/dossiers/{dossier_sudo.id}?{url_encode({'message': 'withdrawn'})}")

    # ------------------------------------------------------------------ online submission
    def _online_procedure(self, procedure_id):
        # sudo: procedures are read by anyone once published; the predicate checks that it is
        procedure = request.env["public_admin.procedure"].sudo().browse(procedure_id).exists()
        if not procedure or not procedure._is_open_online():
            raise NotFound()
        return procedure

    def _applicant_defaults(self):
        partner = request.env.user.partner_id
        address = partner._public_admin_one_line_address()
        return {
            "name": partner.name or "",
            "phone": partner.mobile or partner.phone or "",
            "email": partner.email or "",
            "id_number": partner.public_admin_id_number or "",
            "address": address,
            "summary": "",
        }

    def _submission_values(self, procedure, applicant, error=None, declaration=False):
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "dossier_new",
            "procedure": procedure,
            "applicant": applicant,
            "declaration": declaration,
            "error": error,
            "copy_types": dict(
                request.env["public_admin.procedure.document"]._fields["copy_type"]._description_selection(request.env)
            ),
            "max_mb": f"{request.env['public_admin.dossier']._portal_upload_max_bytes() / 1024 / 1024:g}",
        }

    @http.route("/my/dossiers/new/<int:procedure_id>", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_dossier_new(self, procedure_id, **post):
        procedure = self._online_procedure(procedure_id)
        if request.httprequest.method != "POST":
            return request.render(
                "public_admin_centre.portal_dossier_new", self._submission_values(procedure, self._applicant_defaults())
            )
        applicant = {
            key: (post.get(key) or "").strip()[:2000]
            for key in ("name", "phone", "email", "id_number", "address", "summary")
        }
        declaration = bool(post.get("declaration"))
        if not declaration:
            return request.render(
                "public_admin_centre.portal_dossier_new",
                self._submission_values(
                    procedure,
                    applicant,
                    declaration=declaration,
                    error=request.env._(
                        "Tick the declaration: you certify that the information and documents are truthful."
                    ),
                ),
                status=400,
            )
        Dossier = request.env["public_admin.dossier"]
        max_bytes = Dossier._portal_upload_max_bytes()
        files = request.httprequest.files
        files_by_line = {
            line.id: read_uploads(files.getlist(f"document_{line.id}"), max_bytes) for line in procedure.document_ids
        }
        try:
            dossier = Dossier._portal_submit(procedure, applicant, files_by_line)
        except (UserError, ValidationError) as error:
            return request.render(
                "public_admin_centre.portal_dossier_new",
                self._submission_values(procedure, applicant, declaration=declaration, error=error.args[0]),
                status=400,
            )
        return request.redirect(f"/my/dossiers/{dossier.id}?{url_encode({'message': 'submitted'})}")
