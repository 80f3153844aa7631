"""Demo data of the centre: the catalogue imported from CSV files, and dossiers with a history.

The catalogue (``demo/procedure_import_demo.csv``, after its sectors in
``demo/sector_import_demo.csv``) holds real procedures of the national portal mapped to the
departments of a province, in the format of the import template offered to centres
(``static/import/procedure_import_sample.csv``), and comes in through Odoo's import as a centre's
staff would bring it in.

The dossiers are made by replaying their history through the real transitions of
``public_admin.dossier`` (receive, start and finish steps, transfer, supplement, financial
obligation, apology, return, refuse, withdraw, stop) at the times of a plan, so that their codes,
appointments, step deadlines, pauses and timeliness are computed by the same code as in
production (``demo_history.py`` plans, ``demo_replay.py`` replays, ``demo_people.py`` makes up the
applicants). The demo dossiers and their applicants get xml ids of this module (``..._demo``,
noupdate), so that they go away with it.
"""

import csv
import io
import logging
import random
import time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import file_open

from .demo_history import DemoHistory
from .demo_people import DemoPeople
from .demo_replay import DemoReplay

_logger = logging.getLogger(__name__)

MODULE = "public_admin_centre"
SECTOR_FILE = "public_admin_centre/demo/sector_import_demo.csv"
CATALOGUE_FILE = "public_admin_centre/demo/procedure_import_demo.csv"
# The options Odoo's import screen sends (Favourites › Import records), with "Create if it does
# not exist" ticked for the sector: those of tests/test_procedure_import.py.
IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {"sector_id": True},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}
# Columns of the catalogue naming an agency (by name, as the import template does).
AGENCY_COLUMNS = ("agency_id", "step_ids/agency_id")


class PublicAdminDemoLoader(models.AbstractModel):
    _name = "public_admin.demo.loader"
    _description = "Demo data loader of the public administration centre"

    # ------------------------------------------------------------------ catalogue
    @api.model
    def _read_demo_file(self, path):
        """Header and rows of one of the demo's CSV files."""
        with file_open(path, "rb") as demo_file:
            rows = list(csv.reader(io.StringIO(demo_file.read().decode("utf-8"))))
        return rows[0], rows[1:]

    @api.model
    def _import_demo_rows(self, model, header, rows, file_name):
        """Import ``rows`` into ``model`` as Odoo's import screen does; the records made."""
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
        wizard = self.env["base_import.import"].create(
            {
                "res_model": model,
                "file": buffer.getvalue().encode("utf-8"),
                "file_name": file_name,
                "file_type": "text/csv",
            }
        )
        options = dict(IMPORT_OPTIONS)
        # The screen sends the columns matched to fields (the headers are field names here), and
        # the "track history" option in the context.
        result = wizard.with_context(tracking_disable=options["tracking_disable"]).execute_import(
            header, header, options
        )
        if result["messages"]:
            raise UserError(
                self.env._(
                    "The demo file %(file)s does not import: %(errors)s",
                    file=file_name,
                    errors="; ".join(message["message"] for message in result["messages"]),
                )
            )
        return self.env[model].browse(result["ids"])

    @api.model
    def _load_demo_catalogue(self, agencies=None):
        """Sectors and procedures of the demo files, with their checklists and steps.

        A sector whose name or a procedure whose code is already in the database is left as
        it is, so that loading again changes nothing.

        :param agencies: optional mapping of the agency names of the file to agencies to use
            instead, e.g. in tests without demo data
        :return: the procedures of the file
        """
        env = self.sudo().env
        header, rows = self._read_demo_file(SECTOR_FILE)
        name_column = header.index("name")
        Sector = env["public_admin.sector"].with_context(active_test=False)
        existing = set(Sector.search([("name", "in", [row[name_column] for row in rows])]).mapped("name"))
        new_rows = [row for row in rows if row[name_column] not in existing]
        if new_rows:
            self.sudo()._import_demo_rows("public_admin.sector", header, new_rows, "sector_import_demo.csv")

        header, rows = self._read_demo_file(CATALOGUE_FILE)
        code_column = header.index("code")
        codes = [row[code_column] for row in rows if row[code_column]]
        Procedure = env["public_admin.procedure"].with_context(active_test=False)
        existing = set(Procedure.search([("code", "in", codes)]).mapped("code"))
        # A procedure's rows: its own, then those of its further documents and steps.
        new_rows, code = [], None
        for row in rows:
            code = row[code_column] or code
            if code not in existing:
                new_rows.append(row)
        if agencies:
            # Another agency stands for the one named in the file: named by its code, which the
            # import also reads.
            codes_of = {name: agency.code for name, agency in agencies.items()}
            for column in (header.index(name) for name in AGENCY_COLUMNS):
                for row in new_rows:
                    row[column] = codes_of.get(row[column], row[column])
        if new_rows:
            self.sudo()._import_demo_rows("public_admin.procedure", header, new_rows, "procedure_import_demo.csv")
        return self.env["public_admin.procedure"].search([("code", "in", codes)])

    # ------------------------------------------------------------------ dossiers
    @api.model
    def _generate_demo_dossiers(self, count=300, seed=2025, procedures=None, reception_centre=None, days=60):
        """Make ``count`` dossiers received over the last ``days`` days, with their whole history.

        Each dossier gets a final state to reach (every state is represented, the first eleven
        dossiers take one each) and a reception moment from which that state can be reached by
        now; its history is then replayed through the transition methods, as the user who would
        perform each of them, with the dossier reading the time of the event from the replay's
        clock (``public_admin.dossier._now()``). An event that would fall after the real now is
        not played: the dossier stays where it is, as it would in real life.

        :param procedures: procedures to draw from (default: those in force that have a
            deciding agency)
        :param reception_centre: receiving unit (default: the first reception centre)
        :return: the dossiers made (or those made by an earlier call with the same seed)
        """
        env = self.env(su=True)
        xmlid_prefix = f"dossier_{seed}_"
        if env.ref(f"{MODULE}.{xmlid_prefix}0001_demo", raise_if_not_found=False):
            _logger.info("Demo dossiers of seed %s already exist: not generated again", seed)
            existing = env["ir.model.data"].search(
                [
                    ("module", "=", MODULE),
                    ("model", "=", "public_admin.dossier"),
                    ("name", "=like", f"{xmlid_prefix}%"),
                ]
            )
            return self.env["public_admin.dossier"].browse(existing.mapped("res_id"))
        procedures = (procedures or env["public_admin.procedure"].search([("is_current", "=", True)])).sudo()
        procedures = procedures.filtered(lambda p: p.agency_id and p.is_current)
        # The province's own centre, not one of its ward centres (which the demo also has).
        centre = (reception_centre or env["public_admin.agency"]._main_reception_centre(env.company)).sudo()
        if not procedures or not centre:
            raise UserError(self.env._("Demo dossiers need procedures in force and a reception centre."))
        if env["res.lang"].search_count([("code", "=", "vi_VN")]):
            env = env(context=dict(env.context, lang="vi_VN"))
        context = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_notrack": True,
            "mail_activity_quick_update": True,
            "mail_auto_subscribe_no_notify": True,
        }
        env = env(context=dict(env.context, **context))

        started = time.time()
        now = fields.Datetime.now()
        rng = random.Random(seed)
        people = DemoPeople(env, rng, seed, centre)
        history = DemoHistory(env, rng, now, days, centre, procedures, people)
        plans = history.plan(count)
        replay = DemoReplay(history)
        for plan in plans:
            replay.play(plan)
        replay.date_creations()
        # At the real now: dossiers still open past their appointment are overdue.
        dossiers = env["public_admin.dossier"].browse([plan["dossier"].id for plan in plans])
        dossiers.filtered(lambda d: d.state in ("received", "in_progress"))._update_overdue()
        env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"{MODULE}.{xmlid_prefix}{plan['number']:04d}_demo",
                    "record": plan["dossier"],
                    "noupdate": True,
                }
                for plan in plans
            ]
            + [
                {"xml_id": f"{MODULE}.{name}", "record": partner, "noupdate": True}
                for name, partner in people.partner_xmlids
            ]
        )
        _logger.info("%s demo dossiers generated in %.1f s", len(dossiers), time.time() - started)
        return dossiers.with_env(self.env)
