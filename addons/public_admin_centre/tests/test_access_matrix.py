"""The access matrix: every role against every route and every public method of the suite.

Routes are read from Odoo's routing map and methods from the models' classes, not listed by
hand: a new route or method that is not in the tables below fails the test until someone
decides who may use it.

Roles, around one dossier received at the centre, processed at Sở Xây dựng and now at Sở Nông
nghiệp và Môi trường (the current agency):

- ``anonymous``: a visitor without login;
- ``applicant``: the citizen whose dossier it is (portal);
- ``other_portal``: another citizen (portal);
- ``front_desk``: front desk of the centre that received it;
- ``front_desk_ward``: front desk of a ward centre (another reception centre);
- ``officer_current``: officer of the agency holding the dossier now;
- ``officer_past``: officer of an agency it passed through;
- ``officer_other``: officer of an agency it never reached;
- ``head``: head of the agency holding it now;
- ``manager``: the centre's manager.
"""

import base64
import inspect
import io
from datetime import datetime

from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import PDF
from .test_portal import PublicAdminPortalCase

MODULE = "public_admin_centre"
ROLES = (
    "anonymous",
    "applicant",
    "other_portal",
    "front_desk",
    "front_desk_ward",
    "officer_current",
    "officer_past",
    "officer_other",
    "head",
    "manager",
)
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
# Who reads the dossier, and who may change it now.
READERS = frozenset({"applicant", "front_desk", "officer_current", "officer_past", "head", "manager"})
STAFF_READERS = READERS - {"applicant"}
WRITERS = frozenset({"front_desk", "officer_current", "head", "manager"})
# Writers restricted further by the groups of the form's buttons (the method enforces them).
FRONT_DESK_WRITERS = frozenset({"front_desk", "manager"})
OFFICER_WRITERS = frozenset({"officer_current", "head", "manager"})
HEAD_OR_FRONT_DESK_WRITERS = frozenset({"front_desk", "head", "manager"})
TRANSFER_WRITERS = frozenset({"front_desk", "officer_current", "head", "manager"})
# Applicants' contacts: those who work on their dossiers, the receiving front desk, managers.
APPLICANT_CONTACT_READERS = frozenset({"applicant", "front_desk", "officer_current", "officer_past", "head", "manager"})
NOBODY = frozenset()

# Public methods of the dossier -> roles for whom the call passes the access checks (the call
# may still be refused for the dossier's state or a missing argument: that is not an access
# answer). Everyone else gets an AccessError.
DOSSIER_METHODS = {
    "create": FRONT_DESK_WRITERS | {"front_desk_ward"},  # each front desk creates at its own centre
    "write": WRITERS,
    "action_register_online": WRITERS,
    "action_receive": FRONT_DESK_WRITERS,
    "action_receive_and_print": FRONT_DESK_WRITERS,
    "action_mark_required_documents_received": WRITERS,
    "action_start_step": OFFICER_WRITERS,
    "action_finish_step": OFFICER_WRITERS,
    "action_transfer": TRANSFER_WRITERS,
    "action_request_supplement": WRITERS,
    "action_resume": WRITERS,
    "action_await_financial": OFFICER_WRITERS,
    "action_financial_done": WRITERS,
    "action_finish": WRITERS,
    "action_return_result": FRONT_DESK_WRITERS,
    "action_return_at_counter": FRONT_DESK_WRITERS,
    "action_refuse": WRITERS,
    "action_withdraw": WRITERS,
    "action_stop": HEAD_OR_FRONT_DESK_WRITERS,
    "action_apologize": OFFICER_WRITERS,
    "action_open_reason_wizard": WRITERS,  # context reason_action=supplement: a writer's action
    "action_open_transfer_wizard": TRANSFER_WRITERS,
    "action_open_apology_wizard": OFFICER_WRITERS,
    "action_print_receipt": FRONT_DESK_WRITERS,
    "action_view_public_status": READERS,
    "action_show_id_number": READERS,
}
PROCEDURE_METHODS = {
    "create": NOBODY,  # only the suite's administrators, who are not among these roles
    "write": NOBODY,
    "action_new_version": NOBODY,
    "action_confirm_processing_time": NOBODY,  # the centre's administrators, after checking the time
    "action_view_dossiers": LOGGED_IN,  # a window action; the dossiers' own rules apply
    "get_import_templates": EVERYONE,  # the import screen's list of templates: no data
}
PARTNER_METHODS = {}

# Arguments given to methods that need them.
SAMPLE_ARGUMENTS = {
    "reason": "Kiểm tra quyền truy cập",
    "note": "Kiểm tra quyền truy cập",
    "agency": "health",
    "new_date": datetime(2099, 1, 5, 2, 0),
    "hours": 8.0,
    "method": "counter",
    "vals_list": [],
    "vals": {"summary": "Kiểm tra quyền truy cập"},
}


class _Rollback(Exception):
    """Ends the savepoint of an allowed call, so that no call changes the next one's data."""


@tagged("post_install", "-at_install")
class TestAccessMatrix(PublicAdminPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.ward_centre = cls.env["public_admin.agency"].create(
            {
                "name": "Trung tâm Phục vụ hành chính công phường Hạc Thành",
                "code": "000.21.01.H56",
                "level": "commune",
                "is_reception_centre": True,
                "calendar_id": cls.calendar.id,
            }
        )
        cls.front_desk_ward = new_test_user(
            cls.env, login="pa_front_desk_ward", groups="public_admin_centre.group_front_desk"
        )
        cls.front_desk_ward.public_admin_agency_ids = cls.ward_centre
        cls.head_environment = new_test_user(
            cls.env, login="pa_head_environment", groups="public_admin_centre.group_agency_head"
        )
        cls.head_environment.public_admin_agency_ids = cls.environment
        cls.environment.head_user_ids = cls.head_environment
        photo = io.BytesIO()
        Image.new("RGB", (8, 8), (200, 30, 30)).save(photo, "PNG")
        cls.applicant.image_1920 = base64.b64encode(photo.getvalue())
        # Received at the centre, processed at Sở Xây dựng, now at Sở Nông nghiệp và Môi trường.
        cls.dossier = cls.create_dossier(cls)
        cls.dossier.with_user(cls.front_desk).action_receive()
        cls.dossier.with_user(cls.officer_construction).action_start_step()
        cls.dossier.with_user(cls.officer_construction).action_finish_step()
        cls.dossier_file = cls.env["ir.attachment"].create(
            {"name": "so-do-dat.pdf", "raw": PDF, "res_model": "public_admin.dossier", "res_id": cls.dossier.id}
        )
        cls.dossier.document_ids[0].attachment_ids = [Command.link(cls.dossier_file.id)]
        cls.unpublished = cls.procedure_same_day.copy({"code": "9.999999", "is_published": False})
        cls.unpublished_form = cls.env["public_admin.procedure.document"].create(
            {
                "procedure_id": cls.unpublished.id,
                "name": "Tờ khai nội bộ",
                "template_file": base64.b64encode(PDF),
                "template_filename": "to-khai-noi-bo.pdf",
            }
        )
        cls.published_form = cls.env["public_admin.procedure.document"].create(
            {
                "procedure_id": cls.procedure.id,
                "name": "Mẫu đơn đề nghị",
                "is_required": False,
                "template_file": base64.b64encode(PDF),
                "template_filename": "mau-don.pdf",
            }
        )
        cls.users = {
            "anonymous": cls.env.ref("base.public_user"),
            "applicant": cls.citizen,
            "other_portal": cls.other_citizen,
            "front_desk": cls.front_desk,
            "front_desk_ward": cls.front_desk_ward,
            "officer_current": cls.officer_environment,
            "officer_past": cls.officer_construction,
            "officer_other": cls.officer_health,
            "head": cls.head_environment,
            "manager": cls.manager,
        }

    # ------------------------------------------------------------------ helpers
    def assertAccessMatrix(self, expected, actual, what):
        wrong = {
            role: "allowed" if role in actual else "refused" for role in ROLES if (role in expected) != (role in actual)
        }
        self.assertFalse(wrong, f"{what}: unexpected answers {wrong}")

    def attempt(self, call):
        """``True`` when ``call`` passes the access checks; changes are always rolled back."""
        try:
            with self.env.cr.savepoint():
                call()
                raise _Rollback()
        except _Rollback:
            return True
        except AccessError:
            return False
        except (UserError, ValidationError, MissingError):
            return True  # refused for the state or the arguments, past the access checks
        finally:
            self.env.invalidate_all()

    @staticmethod
    def public_methods(model):
        """Public methods the suite's own classes define on ``model``."""
        names = set()
        for klass in type(model).__mro__:
            if not klass.__module__.startswith(f"odoo.addons.{MODULE}."):
                continue
            for name, value in vars(klass).items():
                # What RPC can call: public names not marked @api.private.
                if not name.startswith("_") and callable(value) and not getattr(value, "_api_private", False):
                    names.add(name)
        return names

    def arguments(self, method):
        kwargs = {}
        for name, parameter in inspect.signature(method).parameters.items():
            if parameter.default is not inspect.Parameter.empty or parameter.kind in (
                parameter.VAR_POSITIONAL,
                parameter.VAR_KEYWORD,
            ):
                continue
            self.assertIn(name, SAMPLE_ARGUMENTS, f"{method.__name__}: give a sample value for “{name}”")
            value = SAMPLE_ARGUMENTS[name]
            kwargs[name] = getattr(self, value) if isinstance(value, str) and hasattr(self, value) else value
        return kwargs

    def check_methods(self, records, table, context=None):
        """Each public method of ``records``' model, called by each role, against ``table``."""
        model = records.browse()
        methods = self.public_methods(model)
        self.assertEqual(
            methods - set(table),
            set(),
            f"{model._name}: new public methods must get a row in the access matrix",
        )
        for name in sorted(set(table)):
            allowed = set()
            for role, user in self.users.items():
                env = self.env(user=user, context=dict(self.env.context, **(context or {})))
                if name == "create":

                    def call(env=env):
                        values = {"procedure_id": self.procedure.id, "partner_id": self.applicant.id}
                        if model._name == "public_admin.procedure":
                            values = {"code": "9.000001", "name": "Thủ tục thử", "sector_id": self.sector.id}
                        env[model._name].create(values)

                else:
                    bound = getattr(records.with_env(env), name)

                    def call(bound=bound):
                        bound(**self.arguments(bound))

                if self.attempt(call):
                    allowed.add(role)
            self.assertAccessMatrix(table[name], allowed, f"{model._name}.{name}")

    def can_read(self, records, role):
        return self.attempt(lambda: records.with_user(self.users[role]).read(["display_name"]))

    # ------------------------------------------------------------------ models
    def test_dossier_methods_by_role(self):
        self.check_methods(self.dossier, DOSSIER_METHODS, context={"reason_action": "supplement"})

    def test_dossier_is_read_by_those_who_work_on_it_and_its_applicant(self):
        readers = {role for role in ROLES if self.can_read(self.dossier, role)}
        self.assertAccessMatrix(READERS, readers, "read the dossier")

    def test_procedure_methods_by_role(self):
        self.check_methods(self.procedure, PROCEDURE_METHODS)

    def test_unpublished_procedure_is_read_by_staff_only(self):
        readers = {role for role in ROLES if self.can_read(self.unpublished, role)}
        staff = LOGGED_IN - {"applicant", "other_portal"}
        self.assertAccessMatrix(staff, readers, "read an unpublished procedure")
        readers = {role for role in ROLES if self.can_read(self.unpublished_form, role)}
        self.assertAccessMatrix(staff, readers, "read a checklist line of an unpublished procedure")
        readers = {role for role in ROLES if self.can_read(self.procedure, role)}
        self.assertAccessMatrix(LOGGED_IN, readers, "read a published procedure")

    def test_partner_methods_and_applicant_contact_by_role(self):
        self.check_methods(self.applicant, PARTNER_METHODS)
        readers = {role for role in ROLES if self.can_read(self.applicant, role)}
        self.assertAccessMatrix(APPLICANT_CONTACT_READERS, readers, "read the applicant's contact")
        writers = {
            role
            for role in ROLES
            if self.attempt(lambda role=role: self.applicant.with_user(self.users[role]).write({"city": "Thanh Hóa"}))
        }
        # Contacts are changed through the dossier (the applicant's data as declared), not directly.
        self.assertAccessMatrix(NOBODY, writers, "change the applicant's contact")

    # ------------------------------------------------------------------ routes
    def our_routes(self):
        """Every URL pattern a controller of the suite defines or overrides, with its methods."""
        routes = {}
        for rule in self.env["ir.http"].routing_map().iter_rules():
            func = getattr(rule.endpoint, "func", None)
            owner = getattr(func, "__self__", None)
            if owner is None:
                continue
            defined_here = any(
                func.__name__ in vars(klass) and klass.__module__.startswith(f"odoo.addons.{MODULE}.")
                for klass in type(owner).__mro__
            )
            if defined_here:
                routes[rule.rule] = rule.endpoint.routing
        return routes

    def route_cells(self):
        """Each route: ``[(label, method, url, data, {role: expected status})]``.

        Expected statuses: 200 (served), 303 (sent to the login page or to /my), 400 (refused
        with a message, nothing changed), 404 (not found, nothing revealed).
        """
        dossier = self.dossier
        token = dossier.sudo().lookup_token
        by_role = self.expected

        return {
            # The site's root sends everyone on: visitors to the catalogue, users to their pages.
            "/": [("root", "GET", "/", None, by_role(NOBODY, 200, other=303))],
            "/dich-vu-cong": [("catalogue", "GET", "/dich-vu-cong", None, by_role(EVERYONE, 200))],
            "/dich-vu-cong/page/<int:page>": [
                ("catalogue page", "GET", "/dich-vu-cong/page/1", None, by_role(EVERYONE, 200))
            ],
            "/dich-vu-cong/thu-tuc/<int:procedure_id>": [
                ("published", "GET", f"/dich-vu-cong/thu-tuc/{self.procedure.id}", None, by_role(EVERYONE, 200)),
                ("unpublished", "GET", f"/dich-vu-cong/thu-tuc/{self.unpublished.id}", None, by_role(NOBODY, 200)),
            ],
            "/dich-vu-cong/mau/<int:document_id>": [
                ("published", "GET", f"/dich-vu-cong/mau/{self.published_form.id}", None, by_role(EVERYONE, 200)),
                ("unpublished", "GET", f"/dich-vu-cong/mau/{self.unpublished_form.id}", None, by_role(NOBODY, 200)),
            ],
            "/tra-cuu-ho-so": [
                ("form", "GET", "/tra-cuu-ho-so", None, by_role(EVERYONE, 200)),
                ("lookup", "POST", "/tra-cuu-ho-so", {"code": dossier.name, "phone_digits": "5678"}, None),
            ],
            "/tra-cuu-ho-so/<string:token>": [
                ("link", "GET", f"/tra-cuu-ho-so/{token}", None, by_role(EVERYONE, 200)),
                ("wrong link", "GET", "/tra-cuu-ho-so/" + "0" * 32, None, by_role(NOBODY, 200)),
            ],
            # The portal's home, with the dossiers waiting for the citizen flagged first.
            "/my": [("home", "GET", "/my", None, by_role(LOGGED_IN, 200, other=303))],
            "/my/home": [("home", "GET", "/my/home", None, by_role(LOGGED_IN, 200, other=303))],
            "/my/dossiers": [("list", "GET", "/my/dossiers", None, by_role(LOGGED_IN, 200, other=303))],
            "/my/dossiers/page/<int:page>": [
                ("list page", "GET", "/my/dossiers/page/1", None, by_role(LOGGED_IN, 200, other=303))
            ],
            "/my/dossiers/<int:dossier_id>": [
                # Staff are sent to the dossier in the backend, others to /my: never the portal page.
                ("page", "GET", f"/my/dossiers/{dossier.id}", None, by_role({"applicant"}, 200, other=303))
            ],
            "/my/dossiers/<int:dossier_id>/form/<string:form_type>": [
                (
                    "receipt form",
                    "GET",
                    f"/my/dossiers/{dossier.id}/form/receipt",
                    None,
                    by_role({"applicant"}, 200, 303),
                )
            ],
            "/my/dossiers/<int:dossier_id>/receipt": [
                ("receipt", "GET", f"/my/dossiers/{dossier.id}/receipt", None, by_role({"applicant"}, 200, other=303))
            ],
            "/my/dossiers/<int:dossier_id>/file/<int:attachment_id>": [
                (
                    "file",
                    "GET",
                    f"/my/dossiers/{dossier.id}/file/{self.dossier_file.id}",
                    None,
                    {**by_role({"applicant"}, 200, other=404), "anonymous": 303},
                )
            ],
            "/my/dossiers/<int:dossier_id>/supplement": [
                # Not waiting for a supplement: the applicant is told so (400); nobody else reaches it.
                (
                    "supplement",
                    "POST",
                    f"/my/dossiers/{dossier.id}/supplement",
                    {"message": "Bổ sung"},
                    {**by_role({"applicant"}, 400, other=404), "anonymous": 303},
                )
            ],
            "/my/dossiers/<int:dossier_id>/withdraw": [
                (
                    "withdraw page",
                    "GET",
                    f"/my/dossiers/{dossier.id}/withdraw",
                    None,
                    {**by_role({"applicant"}, 200, other=404), "anonymous": 303},
                ),
                # Without the confirmation ticked: the applicant is asked to tick it (400).
                (
                    "withdraw",
                    "POST",
                    f"/my/dossiers/{dossier.id}/withdraw",
                    {"reason": "Thử"},
                    {**by_role({"applicant"}, 400, other=404), "anonymous": 303},
                ),
            ],
            "/my/dossiers/new/<int:procedure_id>": [
                (
                    "online form",
                    "GET",
                    f"/my/dossiers/new/{self.procedure.id}",
                    None,
                    by_role(LOGGED_IN, 200, other=303),
                ),
                (
                    "offline procedure",
                    "GET",
                    f"/my/dossiers/new/{self.unpublished.id}",
                    None,
                    {**by_role(NOBODY, 200), "anonymous": 303},
                ),
            ],
            "/public_admin/dossier/<int:dossier_id>/receipt": [
                # The receipt opened for printing at reception: the front desk's, for its dossiers.
                (
                    "print receipt",
                    "GET",
                    f"/public_admin/dossier/{dossier.id}/receipt",
                    None,
                    {
                        **by_role(FRONT_DESK_WRITERS, 200, other=403),
                        "anonymous": 303,
                        "applicant": 404,
                        "other_portal": 404,
                    },
                )
            ],
            "/mail/attachment/upload": [
                # Posting in the dossier's chatter needs write access (or the applicant's token).
                ("chatter upload", "UPLOAD", "/mail/attachment/upload", {}, by_role(WRITERS, 200)),
                # The dossier's portal token is the applicant's key: whoever holds it may post.
                (
                    "chatter upload with token",
                    "UPLOAD",
                    "/mail/attachment/upload",
                    {"token": True},
                    by_role(EVERYONE, 200),
                ),
            ],
        }

    @staticmethod
    def expected(roles, status, other=404):
        return {role: status if role in roles else other for role in ROLES}

    def request(self, method, url, data):
        if method == "GET":
            return self.url_open(url, allow_redirects=False)
        data = dict(data or {}, csrf_token=self.csrf())
        if method == "UPLOAD":
            if data.pop("token", False):
                data["token"] = self.dossier._portal_ensure_token()
            data.update(thread_id=self.dossier.id, thread_model="public_admin.dossier", is_pending="true")
            return self.url_open(url, data=data, files={"ufile": ("ghi-chu.pdf", PDF, "application/pdf")})
        return self.url_open(url, data=data, allow_redirects=False)

    def test_every_route_by_role(self):
        routes = self.our_routes()
        cells = self.route_cells()
        self.assertEqual(set(routes) - set(cells), set(), "new routes of the suite must get rows in the access matrix")
        state_before = self.dossier.state
        for role, user in self.users.items():
            if role == "anonymous":
                self.authenticate(None, None)
            else:
                self.authenticate(user.login, user.login)
            # Each role starts with a clean slate of failed lookups (all come from 127.0.0.1).
            self.env["public_admin.lookup.attempt"].sudo().search([]).unlink()
            for pattern, rows in cells.items():
                for label, method, url, data, expected in rows:
                    with self.subTest(role=role, route=pattern, case=label):
                        response = self.request(method, url, data)
                        status = response.status_code
                        if method == "UPLOAD" and status == 200:
                            status = 403 if "error" in response.json() else 200
                        # None: public by design, everyone is answered
                        expected_status = 200 if expected is None else expected[role]
                        self.assertEqual(status, expected_status)
                        if expected_status != 200 and method == "GET":
                            self.assertNotIn(self.dossier.name, response.text)
                        if pattern.startswith("/my") and role != "applicant" and status == 200:
                            # The lists of others show their own dossiers, never this one.
                            self.assertNotIn(self.dossier.name, response.text)
        self.dossier.invalidate_recordset()
        self.assertEqual(self.dossier.state, state_before, "no request changed the dossier")

    def test_binary_fields_by_role(self):
        """``/web/content`` of every binary field of the suite's models and of the applicant."""
        records = [self.published_form, self.unpublished_form, self.applicant]
        expected_by_model = {
            "public_admin.procedure.document": {
                self.published_form: LOGGED_IN,
                self.unpublished_form: LOGGED_IN - {"applicant", "other_portal"},
            },
            "res.partner": {self.applicant: APPLICANT_CONTACT_READERS},
        }
        ours = [
            name
            for name in self.env.registry
            if name.startswith("public_admin.") and not self.env[name]._abstract and not self.env[name]._transient
        ]
        binary_models = {name for name in ours if any(f.type == "binary" for f in self.env[name]._fields.values())}
        self.assertEqual(binary_models - set(expected_by_model), set(), "binary fields need rows in the matrix")
        for role, user in self.users.items():
            self.authenticate(*((None, None) if role == "anonymous" else (user.login, user.login)))
            for record in records:
                model = self.env[record._name]
                fields = [
                    name
                    for name, field in model._fields.items()
                    if field.type == "binary" and (record._name != "res.partner" or name == "image_128")
                ]
                for name in fields:
                    content = record.sudo()[name]
                    if not content:
                        continue
                    with self.subTest(role=role, model=record._name, record=record.id, field=name):
                        response = self.url_open(f"/web/content/{record._name}/{record.id}/{name}?download=true")
                        served = response.status_code == 200 and response.content == base64.b64decode(content)
                        self.assertEqual(served, role in expected_by_model[record._name][record])
            # The dossier's files: as the dossier.
            with self.subTest(role=role, attachment=self.dossier_file.id):
                response = self.url_open(f"/web/content/{self.dossier_file.id}?download=true")
                # Citizens get their files through /my/dossiers/<id>/file/<id> only.
                self.assertEqual(response.status_code == 200 and response.content == PDF, role in STAFF_READERS)

    def test_every_button_with_groups_is_enforced_by_its_method(self):
        """A ``groups=`` on a form button only hides it: its method must refuse the others."""
        arch = self.env["public_admin.dossier"].get_view(view_type="form")["arch"]
        Dossier = self.env["public_admin.dossier"]
        from lxml import etree

        for button in etree.fromstring(arch).iter("button"):
            if button.get("type") != "object":
                continue
            groups = button.get("groups")
            name = button.get("name")
            context = button.get("context") or ""
            target = name
            for reason, action in Dossier._reason_wizard_actions.items():
                if f"'{reason}'" in context:
                    target = action
            if name == "action_return_at_counter":
                target = "action_return_result"
            if groups:
                with self.subTest(button=name, target=target):
                    self.assertEqual(set(Dossier._action_groups.get(target, ())), set(groups.split(",")))


@tagged("post_install", "-at_install")
class TestAccessHoles(PublicAdminPortalCase):
    """The six holes found by probing the running demo as its users, each closed for good."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.dossier = cls.create_dossier(cls)
        cls.dossier.with_user(cls.front_desk).action_receive()
        cls.dossier.with_user(cls.officer_construction).action_start_step()
        cls.dossier.with_user(cls.officer_construction).action_finish_step()  # now at Sở NN&MT

    def test_public_status_link_only_for_those_who_read_the_dossier(self):
        url = self.dossier.with_user(self.officer_environment).action_view_public_status()["url"]
        self.assertTrue(url.endswith(self.dossier.sudo().lookup_token))
        for user in (self.officer_health, self.other_citizen):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.dossier.with_user(user).action_view_public_status()

    def test_an_officer_who_reads_the_dossier_cannot_withdraw_it_nor_get_its_token(self):
        self.authenticate(self.officer_construction.login, self.officer_construction.login)
        response = self.url_open(f"/my/dossiers/{self.dossier.id}/withdraw", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        response = self.url_open(
            f"/my/dossiers/{self.dossier.id}/withdraw",
            data={"csrf_token": self.csrf(), "reason": "Không cần nữa", "confirm": "1"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 404)
        page = self.url_open(f"/my/dossiers/{self.dossier.id}", allow_redirects=False)
        self.assertEqual(page.status_code, 303, "staff are sent to the backend, not to the citizen's page")
        self.assertTrue(page.headers["Location"].endswith(f"/odoo/public_admin.dossier/{self.dossier.id}"))
        self.dossier.invalidate_recordset()
        self.assertEqual(self.dossier.state, "in_progress")
        token = self.dossier.sudo().access_token
        self.assertFalse(token and token in page.text, "no portal token handed to an officer")

    def test_an_officer_cannot_answer_a_supplement_request_from_the_portal(self):
        self.dossier.with_user(self.officer_environment).action_request_supplement("Thiếu bản vẽ")
        self.authenticate(self.officer_construction.login, self.officer_construction.login)
        response = self.url_open(
            f"/my/dossiers/{self.dossier.id}/supplement",
            data={"csrf_token": self.csrf(), "message": "Đây là bản vẽ"},
            files=[("other_files", ("ban-ve.pdf", PDF, "application/pdf"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 404)
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.officer_construction)._portal_add_supplement_files({}, [("a.pdf", PDF)])
        self.assertFalse(self.dossier.document_ids.attachment_ids)

    def test_only_heads_and_the_front_desk_stop_processing(self):
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.officer_environment).action_stop("Không bổ sung đúng hạn")
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.officer_environment).with_context(
                reason_action="stop"
            ).action_open_reason_wizard()
        self.assertEqual(self.dossier.state, "in_progress")
        self.dossier.with_user(self.front_desk).action_stop("Công dân đề nghị dừng")
        self.assertEqual(self.dossier.state, "stopped")

    def test_unpublished_procedures_stay_hidden_from_portal_users(self):
        hidden = self.procedure_same_day.copy({"code": "9.000002", "is_published": False})
        line = self.env["public_admin.procedure.document"].create(
            {
                "procedure_id": hidden.id,
                "name": "Tờ khai nội bộ",
                "template_file": base64.b64encode(PDF),
                "template_filename": "noi-bo.pdf",
            }
        )
        with self.assertRaises(AccessError):
            hidden.with_user(self.citizen).read(["name"])
        self.authenticate("citizen_an", "citizen_an")
        response = self.url_open(f"/web/content/public_admin.procedure.document/{line.id}/template_file")
        self.assertNotEqual(response.content, PDF)

    def test_officers_read_only_the_applicants_of_their_dossiers(self):
        stranger = self.env["res.partner"].create(
            {"name": "Bùi Thị Lan", "mobile": "0912 000 111", "email": "lan@example.vn"}
        )
        health_procedure = self.procedure_same_day.copy({"code": "1.000999", "agency_id": self.health.id})
        self.dossier_of(stranger, procedure=health_procedure)
        Partner = self.env["res.partner"].with_user(self.officer_construction)
        self.assertFalse(Partner.search([("id", "=", stranger.id)]))
        with self.assertRaises(AccessError):
            stranger.with_user(self.officer_construction).read(["mobile", "email"])
        self.assertEqual(
            self.applicant.with_user(self.officer_construction).read(["mobile"])[0]["mobile"], "0912 345 678"
        )
        # The identity number: not through the contact, but shown on the dossier and logged.
        with self.assertRaises(AccessError):
            self.applicant.with_user(self.officer_environment).read(["public_admin_id_number"])
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.officer_environment).read(["applicant_id_number"])
        masked = self.dossier.with_user(self.officer_environment).applicant_id_number_masked
        self.assertEqual(masked, "056•••••••34")
        action = self.dossier.with_user(self.officer_environment).action_show_id_number()
        self.assertEqual(action["params"]["message"], "056090001234")
        log = self.env["public_admin.personal.data.log"].search([("dossier_id", "=", self.dossier.id)])
        self.assertEqual(log.user_id, self.officer_environment)
        self.assertEqual(log.partner_id, self.applicant)
        with self.assertRaises(AccessError):
            self.env["public_admin.personal.data.log"].with_user(self.officer_environment).search([]).read()
        self.assertEqual(
            self.env["public_admin.personal.data.log"].with_user(self.manager).search([]), log, "the managers' register"
        )

    def test_each_front_desk_works_on_what_its_own_centre_received(self):
        ward = self.env["public_admin.agency"].create(
            {"name": "Phường Hàm Rồng", "code": "000.21.02.H56", "level": "commune", "is_reception_centre": True}
        )
        ward_desk = new_test_user(self.env, login="pa_front_desk_hr", groups="public_admin_centre.group_front_desk")
        ward_desk.public_admin_agency_ids = ward
        Dossier = self.env["public_admin.dossier"]
        self.assertFalse(Dossier.with_user(ward_desk).search([("id", "=", self.dossier.id)]))
        with self.assertRaises(AccessError):
            self.dossier.with_user(ward_desk).read(["applicant_name"])
        with self.assertRaises(AccessError):
            self.applicant.with_user(ward_desk).read(["mobile"])
        own = Dossier.with_user(ward_desk).create(
            {"procedure_id": self.procedure_same_day.id, "partner_id": self.other_partner.id}
        )
        self.assertEqual(own.receiving_agency_id, ward)
        self.assertEqual(Dossier.with_user(ward_desk).search([]), own)
        self.assertIn(self.dossier, Dossier.with_user(self.front_desk).search([]))
        self.assertIn(self.dossier, Dossier.with_user(self.manager).search([]))

    def test_the_status_page_never_shows_the_second_factor(self):
        self.authenticate(None, None)
        response = self.url_open(f"/tra-cuu-ho-so/{self.dossier.sudo().lookup_token}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("5678", response.text.replace(" ", ""))
        self.assertIn("091•••••••", response.text)
