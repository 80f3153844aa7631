from odoo.tests import HttpCase, tagged

from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintPortalTour(ComplaintCommon, HttpCase):
    """The citizen's journey in a browser: complain from the portal, then rate the answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_data()
        cls.setup_portal_users()

    def test_citizen_complains_on_the_portal_and_rates_the_answer(self):
        self.start_tour("/my", "public_admin_complaint_portal_tour", login="citizen_an")
        complaint = self.Complaint.search([("partner_id", "=", self.citizen.partner_id.id)])
        self.assertEqual((len(complaint), complaint.channel, complaint.state), (1, "portal", "received"))
        complaint.with_user(self.manager).action_assign(self.construction)
        complaint.with_user(self.officer_construction).action_answer("Chỉ nộp giấy tờ trong danh mục đã công bố.")
        self.start_tour("/my/complaints", "public_admin_complaint_rating_tour", login="citizen_an")
        self.assertEqual((complaint.state, complaint.satisfaction), ("answered", "satisfied"))
