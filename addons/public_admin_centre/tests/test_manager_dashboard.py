from .report_common import PublicAdminReportCase


class TestManagerDashboard(PublicAdminReportCase):
    """The manager's day on Monday 1 December 2025, 10:00, after the events of report_common."""

    def dashboard(self, user):
        moment = self.local(2025, 12, 1, 10, 0)
        Dashboard = self.env["public_admin.manager.dashboard"].with_user(user)
        dashboard = Dashboard.with_context(public_admin_clock=lambda: moment).create({})
        dashboard.action_refresh()
        return dashboard

    def tile(self, dashboard, section, label):
        tiles = dashboard.tile_ids.filtered(lambda t: t.section == section and t.label == label)
        self.assertEqual(len(tiles), 1, f"{section} / {label}")
        return tiles

    def opened(self, tile):
        action = tile.action_open()
        return self.names(self.env["public_admin.dossier"].with_user(self.manager).search(action["domain"]))

    def test_manager_sees_the_day_of_the_whole_centre(self):
        dashboard = self.dashboard(self.manager)
        received = self.tile(dashboard, "Received today, by counter and agency", "All")
        self.assertEqual(received.value, 1)
        self.assertEqual(self.opened(received), ["J"], "received at 06:30 this morning")
        section = "Received today, by counter and agency"
        self.assertEqual(self.tile(dashboard, section, "No counter recorded").value, 1, "J: nobody sat at a counter")
        self.assertEqual(self.tile(dashboard, section, self.construction.display_name).value, 1)
        overdue = self.tile(dashboard, "Overdue, by agency and officer", "All overdue")
        self.assertEqual(self.opened(overdue), ["B", "K"])
        self.assertEqual(self.tile(dashboard, "Overdue, by agency and officer", self.health.display_name).value, 1)
        self.assertEqual(self.tile(dashboard, "Overdue, by agency and officer", "Nobody holds it").value, 2)
        supplement = self.tile(dashboard, "Waiting for a supplement", "For more than 10 days")
        self.assertEqual(self.opened(supplement), ["H"], "waiting since 12 November")
        times = dashboard.tile_ids.filtered(lambda t: t.section.startswith("Average processing time"))
        self.assertTrue(times, "the procedures finished in the last 90 days")
        self.assertTrue(all(tile.unit == "h" for tile in times))

    def test_agency_head_sees_their_agency_only(self):
        dashboard = self.dashboard(self.head_construction)
        self.assertEqual(dashboard.agency_ids, self.construction)
        overdue = self.tile(dashboard, "Overdue, by agency and officer", "All overdue")
        self.assertEqual(self.opened(overdue), ["B"], "K is health's")
        self.assertFalse(dashboard.tile_ids.filtered(lambda t: t.label == self.health.display_name))

    def test_sections_are_a_list_other_addons_extend(self):
        dashboard = self.dashboard(self.manager)
        period = self.env["public_admin.indicator.engine"]._make_period(self.today(), self.today())
        sections = dashboard._dashboard_sections(period)
        self.assertEqual(
            [section["key"] for section in sections],
            ["received_today", "due", "overdue", "supplement", "processing_time"],
        )

    def today(self):
        return self.local(2025, 12, 1, 10, 0).date()

    def test_dossier_measures_for_pivot(self):
        o = self.dossiers["O"]
        self.assertGreater(o.processing_hours, 0)
        self.assertGreater(o.allowed_hours, o.processing_hours, "finished early, the pause not counted")
        self.assertEqual(o.on_time_rate, 100)
        self.assertEqual(self.dossiers["C"].on_time_rate, 0)
