from .common import PublicAdminCase


class PublicAdminReportCase(PublicAdminCase):
    """A small set of dossiers around November 2025 whose figures are worked out by hand.

    Construction procedure (15 working days, inter-agency: construction then environment then
    construction), health procedure (5 working days, one agency). Local times (Asia/Ho_Chi_Minh).

    ====  ==========  ================  ===============================================
    name  procedure   received          then
    ====  ==========  ================  ===============================================
    A     works       Mon 20/10 09:00   finished Wed 05/11 (early)
    B     works       Wed 22/10 09:00   open, due 12/11: overdue at the end of November
    Z     works       Tue 21/10 09:00   refused Thu 23/10
    R     works       Mon 27/10 09:00   finished Fri 31/10 23:50 (before local midnight)
    S     works       Mon 27/10 10:00   finished Sat 01/11 00:10 (after local midnight: November)
    C     works       Mon 03/11 10:00   finished Fri 28/11 (late: due 24/11)
    D     works       Tue 04/11 09:00   online; two supplements; finished 14/11 (late: >1 supplement)
    O     works       Tue 04/11 10:00   supplement 05/11-25/11, finished 28/11 (early: the pause moves the due date)
    E     works       Wed 05/11 09:00   by post; refused 06/11
    F     works       Wed 05/11 10:00   withdrawn 07/11
    G     works       Thu 06/11 09:00   stopped 10/11
    H     works       Mon 10/11 09:00   supplement from 12/11, still waiting
    N     works       Thu 20/11 09:00   open, within the deadline
    J     works       Mon 01/12 06:30   December locally (30/11 in UTC)
    M     works       submitted online, never received
    K     health      Sat 01/11 00:30   November locally (31/10 in UTC); open, overdue
    I     health      Mon 10/11 09:00   financial obligation from 11/11, still waiting
    L     health      Wed 12/11 09:00   finished Fri 14/11 (early)
    T     health      Mon 17/11 09:00   finished Mon 24/11 07:30 (on time: due 24/11 09:00)
    ====  ==========  ================  ===============================================
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure_health = cls.env["public_admin.procedure"].create(
            {
                "code": "1.001234",
                "name": "Cấp giấy phép hành nghề",
                "sector_id": cls.sector.id,
                "agency_id": cls.health.id,
                "processing_time_legal": 5,
                "processing_time_unit": "working_day",
                "online_level": "full",
                "date_effective_from": "2020-01-01",
            }
        )
        d = cls.dossiers = {}
        d["A"] = cls.receive_at((2025, 10, 20, 9, 0))
        d["B"] = cls.receive_at((2025, 10, 22, 9, 0))
        d["Z"] = cls.receive_at((2025, 10, 21, 9, 0))
        d["R"] = cls.receive_at((2025, 10, 27, 9, 0))
        d["S"] = cls.receive_at((2025, 10, 27, 10, 0))
        d["C"] = cls.receive_at((2025, 11, 3, 10, 0))
        d["D"] = cls.receive_at((2025, 11, 4, 9, 0), channel="online")
        d["O"] = cls.receive_at((2025, 11, 4, 10, 0))
        d["E"] = cls.receive_at((2025, 11, 5, 9, 0), channel="postal")
        d["F"] = cls.receive_at((2025, 11, 5, 10, 0))
        d["G"] = cls.receive_at((2025, 11, 6, 9, 0))
        d["H"] = cls.receive_at((2025, 11, 10, 9, 0))
        d["N"] = cls.receive_at((2025, 11, 20, 9, 0))
        d["J"] = cls.receive_at((2025, 12, 1, 6, 30))
        d["M"] = cls.make_dossier(channel="online")
        d["K"] = cls.receive_at((2025, 11, 1, 0, 30), procedure=cls.procedure_health)
        d["I"] = cls.receive_at((2025, 11, 10, 9, 0), procedure=cls.procedure_health)
        d["L"] = cls.receive_at((2025, 11, 12, 9, 0), procedure=cls.procedure_health)
        d["T"] = cls.receive_at((2025, 11, 17, 9, 0), procedure=cls.procedure_health)

        cls.finish(d["A"], (2025, 11, 5, 10, 0))
        cls.at(d["Z"], 2025, 10, 23, 9, 0).action_refuse("Không thuộc thẩm quyền")
        cls.finish(d["R"], (2025, 10, 31, 23, 50))
        cls.finish(d["S"], (2025, 11, 1, 0, 10))
        cls.finish(d["C"], (2025, 11, 28, 10, 0))
        cls.at(d["D"], 2025, 11, 5, 9, 0).action_request_supplement("Thiếu bản vẽ")
        cls.at(d["D"], 2025, 11, 6, 9, 0).action_resume()
        cls.at(d["D"], 2025, 11, 7, 9, 0).action_request_supplement("Bản vẽ sai tỷ lệ")
        cls.at(d["D"], 2025, 11, 10, 9, 0).action_resume()
        cls.finish(d["D"], (2025, 11, 14, 9, 0))
        cls.at(d["O"], 2025, 11, 5, 10, 0).action_request_supplement("Thiếu giấy tờ đất")
        cls.at(d["O"], 2025, 11, 25, 10, 0).action_resume()
        cls.finish(d["O"], (2025, 11, 28, 15, 0))
        cls.at(d["E"], 2025, 11, 6, 9, 0).action_refuse("Hồ sơ không hợp lệ")
        cls.at(d["F"], 2025, 11, 7, 9, 0).action_withdraw()
        cls.at(d["G"], 2025, 11, 10, 9, 0).action_stop("Không bổ sung đúng hạn")
        cls.at(d["H"], 2025, 11, 12, 9, 0).action_request_supplement("Thiếu ảnh hiện trạng")
        cls.at(d["I"], 2025, 11, 11, 9, 0).action_await_financial()
        cls.finish(d["L"], (2025, 11, 14, 9, 0))
        cls.finish(d["T"], (2025, 11, 24, 7, 30))

    @classmethod
    def at(cls, dossier, *moment):
        when = cls.local(*moment)
        return dossier.with_context(public_admin_clock=lambda: when)

    @classmethod
    def make_dossier(cls, procedure=None, **vals):
        dossier = cls.env["public_admin.dossier"].create(
            {
                "procedure_id": (procedure or cls.procedure).id,
                "partner_id": cls.applicant.id,
                "receiving_agency_id": cls.centre.id,
                "summary": "Hồ sơ thống kê",
                **vals,
            }
        )
        dossier.document_ids.filtered("is_required").write({"is_received": True})
        return dossier

    @classmethod
    def receive_at(cls, moment, procedure=None, **vals):
        dossier = cls.make_dossier(procedure, **vals)
        cls.at(dossier, *moment).action_receive()
        return dossier

    @classmethod
    def finish(cls, dossier, moment):
        """Take the dossier through every remaining step at ``moment``."""
        dossier = cls.at(dossier, *moment)
        while dossier.state in ("received", "in_progress"):
            if not dossier.current_step_id.date_accepted:
                dossier.action_start_step()
            dossier.action_finish_step()
        return dossier

    def names(self, dossiers):
        lookup = {dossier.id: name for name, dossier in self.dossiers.items()}
        return sorted(lookup[dossier.id] for dossier in dossiers)
