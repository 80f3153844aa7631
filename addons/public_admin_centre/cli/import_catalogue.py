"""``public_admin_import_catalogue``: the catalogue import, for administrators, from a shell.

    python3 -m odoo --addons-path=<addons paths> public_admin_import_catalogue \\
        -c <odoo.conf> -d <database> --file catalogue.json [--levels province,commune] \\
        [--effective-date 2025-07-01] [--dry-run] [--report report.csv]

Odoo finds commands of addons before it reads ``-c``: give the addons path first (as above),
or through a configuration file named by the ``ODOO_RC`` environment variable. The import
runs as the superuser, in one transaction committed at the end (rolled back with
``--dry-run``), with the same rules as the wizard: see ``readme/USAGE.md``.
"""

import logging
import optparse
import sys
from pathlib import Path

import odoo
from odoo.cli import Command
from odoo.tools import config

_logger = logging.getLogger(__name__)


def import_catalogue(env, path, levels=None, date_from=None, dry_run=False, report=None, out=sys.stdout):
    """Import the catalogue file at ``path`` into ``env``'s database; print the report.

    :return: the plan (rows and their outcomes); nothing is written when ``dry_run``
    """
    content = Path(path).read_bytes()
    plan = env["public_admin.catalogue.import"]._run(
        content, Path(path).name, levels=levels or None, date_from=date_from, dry_run=dry_run
    )
    engine = env["public_admin.catalogue.import"]
    out.write(engine._report_text(plan) + "\n")
    if report:
        Path(report).write_bytes(engine._report_csv(plan))
    return plan


class PublicAdminImportCatalogue(Command):
    """Import the national procedure catalogue (CSV, JSON, .xlsx) into a centre's database"""

    name = "public_admin_import_catalogue"

    def run(self, args):
        parser = config.parser
        parser.prog = f"{Path(sys.argv[0]).name} {self.name}"
        group = optparse.OptionGroup(parser, "Catalogue import")
        group.add_option("--file", dest="catalogue_file", help="the catalogue: .csv, .json or .xlsx")
        group.add_option(
            "--levels",
            dest="catalogue_levels",
            help="levels this centre serves, comma-separated among central, province, district, commune, "
            "other (default: the levels of its reception centres)",
        )
        group.add_option(
            "--effective-date",
            dest="catalogue_date",
            help="effective date (YYYY-MM-DD) of rows that give none (default: today)",
        )
        group.add_option("--dry-run", action="store_true", dest="catalogue_dry_run", help="preview, write nothing")
        group.add_option("--report", dest="catalogue_report", help="also write the report to this CSV file")
        parser.add_option_group(group)
        opt = config.parse_config(args, setup_logging=True)
        dbname = config["db_name"]
        if not dbname or not opt.catalogue_file:
            sys.exit(f"{self.name}: give the database (-d) and the file (--file).")
        levels = tuple(level.strip() for level in (opt.catalogue_levels or "").split(",") if level.strip())
        unknown = set(levels) - {"central", "province", "district", "commune", "other"}
        if unknown:
            sys.exit(f"{self.name}: unknown levels {', '.join(sorted(unknown))}.")
        registry = odoo.modules.registry.Registry(dbname)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            admin = env.ref("base.user_admin", raise_if_not_found=False)
            env = env(context={"lang": admin.lang if admin else "en_US"})
            date_from = odoo.fields.Date.to_date(opt.catalogue_date) if opt.catalogue_date else None
            try:
                import_catalogue(
                    env,
                    opt.catalogue_file,
                    levels=levels,
                    date_from=date_from,
                    dry_run=opt.catalogue_dry_run,
                    report=opt.catalogue_report,
                )
            except odoo.exceptions.UserError as error:
                cr.rollback()
                sys.exit(f"{self.name}: {error.args[0]}")
            if opt.catalogue_dry_run:
                cr.rollback()
