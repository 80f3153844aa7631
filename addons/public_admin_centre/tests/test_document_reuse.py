from odoo.tests import Form

from .common import PDF, PublicAdminCase


class TestDocumentReuse(PublicAdminCase):
    """At reception the officer picks a document the applicant already gave in an earlier dossier
    instead of asking for paper again (indicator 4.3), and marks what was scanned (4.2)."""

    def test_front_desk_reuses_a_document_of_the_applicants_earlier_dossier(self):
        earlier = self.received_dossier()
        land_title = earlier.document_ids.filtered(lambda d: d.name == "Giấy tờ về quyền sử dụng đất")
        scan = self.env["ir.attachment"].create(
            {"name": "so-do.pdf", "raw": PDF, "res_model": "public_admin.dossier", "res_id": earlier.id}
        )
        land_title.attachment_ids = scan
        Dossier = self.env["public_admin.dossier"].with_user(self.front_desk)
        with Form(Dossier) as form:
            form.procedure_id = self.procedure
            form.partner_id = self.applicant
            for index in range(len(form.document_ids)):
                with form.document_ids.edit(index) as line:
                    if line.name == land_title.name:
                        line.reused_from_id = land_title
                        self.assertTrue(line.is_received, "nothing to bring again")
                        self.assertTrue(line.is_digitised)
                    elif line.is_required:
                        line.is_received = True
                        line.is_digitised = True
        dossier = form.record
        reused = dossier.document_ids.filtered("reused_from_id")
        self.assertEqual(reused.attachment_ids, scan, "the earlier scan is attached again")
        dossier.action_receive()
        self.assertTrue(dossier.has_reused_document)
        self.assertTrue(dossier.is_fully_digitised)
        self.assertFalse(earlier.has_reused_document)
        self.assertFalse(earlier.is_fully_digitised, "its documents were handed in on paper only")

    def test_a_document_not_scanned_keeps_the_dossier_from_counting_as_digitised(self):
        dossier = self.received_dossier()
        handed_in = dossier.document_ids.filtered("is_received")
        handed_in[:-1].write({"is_digitised": True})
        self.assertFalse(dossier.is_fully_digitised)
        handed_in[-1:].write({"is_digitised": True})
        self.assertTrue(dossier.is_fully_digitised)
