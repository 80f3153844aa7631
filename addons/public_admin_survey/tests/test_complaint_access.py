"""The access matrix of complaints: every role against every public method and every route.

Roles, around a complaint the citizen An sent from the portal, assigned to Sở Xây dựng:
anonymous, sender (An), other_citizen (Bình), front_desk (of the centre that received it),
officer_assigned (Sở Xây dựng), officer_other (Sở Y tế), head (Sở Xây dựng), manager.
"""

import functools
import inspect

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .test_complaint_pages import ComplaintHttpCommon

# The evaluation pages of this addon have their own matrix (test_evaluation_pages.py).
COMPLAINT_CONTROLLERS = {
    f"odoo.addons.public_admin_survey.controllers.{name}" for name in ("complaint", "complaint_portal")
}
MODULE = "public_admin_survey"
ROLES = ("anonymous", "sender", "other_citizen", "front_desk", "officer_assigned", "officer_other", "head", "manager")
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
READERS = frozenset({"sender", "front_desk", "officer_assigned", "head", "manager"})
WRITERS = frozenset({"front_desk", "officer_assigned", "head", "manager"})
AT_AGENCY = frozenset({"officer_assigned", "head", "manager"})
DESK = frozenset({"front_desk", "manager"})
NOBODY = frozenset()

COMPLAINT_METHODS = {
    "create": DESK,
    "write": WRITERS,
    "action_assign": DESK,
    "action_classify": DESK,
    "action_transfer": AT_AGENCY,
    "action_request_supplement": WRITERS,
    "action_resume": WRITERS,
    "action_answer": AT_AGENCY,
    "action_publish": frozenset({"manager"}),
    "action_refuse": WRITERS,
    "action_record_satisfaction": DESK,
    "action_open_wizard": AT_AGENCY,  # context complaint_action=answer
}
SAMPLE_ARGUMENTS = {
    "agency": "health",
    "reason": "Kiểm tra quyền",
    "category": "regulation",
    "vals": {"subject": "Kiểm tra"},
    "values": {"subject": "Kiểm tra"},
}


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestComplaintAccessMatrix(ComplaintHttpCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.portal_complaint(cls)
        cls.users = {
            "anonymous": cls.env.ref("base.public_user"),
            "sender": cls.citizen,
            "other_citizen": cls.other_citizen,
            "front_desk": cls.front_desk,
            "officer_assigned": cls.officer_construction,
            "officer_other": cls.officer_health,
            "head": cls.head_construction,
            "manager": cls.manager,
        }

    def attempt(self, call):
        try:
            with self.env.cr.savepoint():
                call()
                raise _Rollback()
        except _Rollback:
            return True
        except AccessError:
            return False
        except (UserError, ValidationError, MissingError):
            return True
        finally:
            self.env.invalidate_all()

    def assertMatrix(self, expected, actual, what):
        wrong = {
            role: "allowed" if role in actual else "refused" for role in ROLES if (role in expected) != (role in actual)
        }
        self.assertFalse(wrong, f"{what}: unexpected answers {wrong}")

    def test_complaint_methods_by_role(self):
        names = set()
        for klass in type(self.complaint).__mro__:
            if klass.__module__.startswith(f"odoo.addons.{MODULE}."):
                names |= {
                    n
                    for n, v in vars(klass).items()
                    if not n.startswith("_") and callable(v) and not getattr(v, "_api_private", False)
                }
        self.assertEqual(names - set(COMPLAINT_METHODS), set(), "new public methods need a row in the matrix")
        for name, expected in COMPLAINT_METHODS.items():
            allowed = set()
            for role, user in self.users.items():
                env = self.env(user=user, context=dict(self.env.context, complaint_action="answer"))
                if name == "create":

                    def call(env=env):
                        env["public_admin.complaint"].create(
                            {"sender_name": "Khách", "sender_phone": "0935111222", "content": "Góp ý"}
                        )

                else:
                    bound = getattr(self.complaint.with_env(env), name)
                    kwargs = {}
                    for param, spec in inspect.signature(bound).parameters.items():
                        if spec.default is inspect.Parameter.empty:
                            value = SAMPLE_ARGUMENTS[param]
                            kwargs[param] = (
                                getattr(self, value) if isinstance(value, str) and hasattr(self, value) else value
                            )

                    call = functools.partial(bound, **kwargs)

                if self.attempt(call):
                    allowed.add(role)
            self.assertMatrix(expected, allowed, f"public_admin.complaint.{name}")

    def test_complaint_is_read_like_a_dossier(self):
        readers = {
            role
            for role, user in self.users.items()
            if self.attempt(lambda user=user: self.complaint.with_user(user).read(["sender_phone"]))
        }
        self.assertMatrix(READERS, readers, "read the complaint")

    def our_routes(self):
        routes = set()
        for rule in self.env["ir.http"].routing_map().iter_rules():
            func = getattr(rule.endpoint, "func", None)
            owner = getattr(func, "__self__", None)
            if owner is not None and any(
                func.__name__ in vars(klass) and klass.__module__ in COMPLAINT_CONTROLLERS
                for klass in type(owner).__mro__
            ):
                routes.add(rule.rule)
        return routes

    def test_every_route_by_role(self):
        complaint = self.complaint
        token = complaint.sudo().access_token

        def by_role(roles, status, other=404):
            return {role: status if role in roles else other for role in ROLES}

        portal_only = {**by_role({"sender"}, 200, other=303)}
        cells = {
            "/phan-anh-kien-nghi": [("form", "GET", "/phan-anh-kien-nghi", None, by_role(EVERYONE, 200))],
            "/phan-anh-kien-nghi/tra-cuu": [
                ("form", "GET", "/phan-anh-kien-nghi/tra-cuu", None, by_role(EVERYONE, 200)),
                (
                    "wrong contact",
                    "POST",
                    "/phan-anh-kien-nghi/tra-cuu",
                    {"code": complaint.name, "contact": "0000"},
                    by_role(NOBODY, 200),
                ),
            ],
            "/phan-anh-kien-nghi/<string:token>": [
                ("link", "GET", f"/phan-anh-kien-nghi/{token}", None, by_role(EVERYONE, 200)),
                ("wrong link", "GET", "/phan-anh-kien-nghi/" + "0" * 32, None, by_role(NOBODY, 200)),
            ],
            "/phan-anh-kien-nghi/<string:token>/<string:what>": [
                # Not answered yet: the link holder is told so (400), a wrong link finds nothing.
                (
                    "rate",
                    "POST",
                    f"/phan-anh-kien-nghi/{token}/danh-gia",
                    {"satisfaction": "satisfied"},
                    by_role(EVERYONE, 400),
                ),
                (
                    "wrong link",
                    "POST",
                    "/phan-anh-kien-nghi/" + "0" * 32 + "/danh-gia",
                    {"satisfaction": "satisfied"},
                    by_role(NOBODY, 200),
                ),
            ],
            "/phan-anh-kien-nghi/cong-khai": [
                ("list", "GET", "/phan-anh-kien-nghi/cong-khai", None, by_role(EVERYONE, 200))
            ],
            "/phan-anh-kien-nghi/cong-khai/page/<int:page>": [
                ("page", "GET", "/phan-anh-kien-nghi/cong-khai/page/1", None, by_role(EVERYONE, 200))
            ],
            "/my/complaints": [("list", "GET", "/my/complaints", None, by_role(LOGGED_IN, 200, other=303))],
            "/my/complaints/new": [
                ("form", "GET", "/my/complaints/new", None, by_role({"sender", "other_citizen"}, 200, other=303))
            ],
            "/my/complaints/<int:complaint_id>": [("page", "GET", f"/my/complaints/{complaint.id}", None, portal_only)],
            "/my/complaints/<int:complaint_id>/<string:what>": [
                (
                    "rate",
                    "POST",
                    f"/my/complaints/{complaint.id}/danh-gia",
                    {"satisfaction": "satisfied"},
                    {**by_role({"sender"}, 400), "anonymous": 303},
                )
            ],
        }
        self.assertEqual(self.our_routes() - set(cells), set(), "new routes need rows in the access matrix")
        for role, user in self.users.items():
            self.authenticate(*((None, None) if role == "anonymous" else (user.login, user.login)))
            self.env["public_admin.lookup.attempt"].sudo().search([]).unlink()
            for pattern, rows in cells.items():
                for label, method, url, data, expected in rows:
                    with self.subTest(role=role, route=pattern, case=label):
                        if method == "GET":
                            response = self.url_open(url, allow_redirects=False)
                        else:
                            response = self.post(url, data)
                        self.assertEqual(response.status_code, expected[role])
                        if expected[role] != 200 or (pattern.startswith("/my") and role != "sender"):
                            self.assertNotIn(complaint.sender_phone, response.text)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "in_progress", "no request changed the complaint")
