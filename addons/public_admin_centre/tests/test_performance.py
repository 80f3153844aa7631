"""Exact SQL query counts of the hot paths, each measured on its own.

A count that grows means a query per record (per document, step, dossier) crept in; a count
that drops is good news: lower the number here so the gain is kept. Measured after a warm-up
(``@warmup``), as Odoo's own performance tests do (survey/tests/test_survey_performance.py).
"""

from odoo.tests import tagged, users, warmup

from .common import PublicAdminCase
from .test_portal import PublicAdminPortalCase


@tagged("post_install", "-at_install")
class TestReceptionPerformance(PublicAdminCase):
    @users("pa_front_desk")
    @warmup
    def test_reception_without_notifications(self):
        """Code, appointment, steps, the agency's activity: the front desk's click."""
        self.applicant.write({"public_admin_notify_email": False, "public_admin_notify_sms": False})
        dossier = self.create_dossier(user=self.env.user)
        with self.assertQueryCount(pa_front_desk=QUERIES_RECEPTION):
            dossier.action_receive()
        self.assertEqual(dossier.state, "received")

    @users("pa_front_desk")
    @warmup
    def test_applicant_notifications_of_reception(self):
        """The applicant's email (rendered, posted) and SMS (queued) once the dossier is received."""
        self.applicant.write({"public_admin_notify_email": False, "public_admin_notify_sms": False})
        dossier = self.create_dossier(user=self.env.user)
        dossier.action_receive()
        self.applicant.write({"public_admin_notify_email": True, "public_admin_notify_sms": True})
        messages_before = len(dossier.message_ids)
        with self.assertQueryCount(pa_front_desk=QUERIES_NOTIFICATIONS):
            dossier._notify_applicant("received")
        dossier.invalidate_recordset(["message_ids"])
        self.assertEqual(len(dossier.message_ids) - messages_before, 2, "one email and one SMS posted")


@tagged("post_install", "-at_install")
class TestCitizenPagesPerformance(PublicAdminPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        dossiers = cls.env["public_admin.dossier"]
        for _index in range(5):
            dossiers |= cls.create_dossier(cls, partner_id=cls.applicant.id)
        dossiers.with_user(cls.front_desk).action_receive()
        cls.dossier = dossiers[0]

    @warmup
    def test_my_dossiers_list(self):
        """``/my/dossiers`` of a citizen with five dossiers: the count must not grow with them."""
        self.authenticate("citizen_an", "citizen_an")
        with self.assertQueryCount(default=QUERIES_MY_DOSSIERS):
            response = self.url_open("/my/dossiers")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.dossier.name, response.text)

    @warmup
    def test_public_status_lookup(self):
        """``/tra-cuu-ho-so`` with the code and the phone's last four digits, no login."""
        self.authenticate(None, None)
        data = {"csrf_token": self.csrf(), "code": self.dossier.name, "phone_digits": "5678"}
        with self.assertQueryCount(default=QUERIES_PUBLIC_LOOKUP):
            response = self.url_open("/tra-cuu-ho-so", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.dossier.name, response.text)


QUERIES_RECEPTION = 88
QUERIES_NOTIFICATIONS = 91
QUERIES_MY_DOSSIERS = 16
QUERIES_PUBLIC_LOOKUP = 17
