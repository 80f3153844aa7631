"""The demo database of `make run`: created on the first run, resumed when interrupted."""

import contextlib
import time
import xml.etree.ElementTree as ET

from .console import Fail, say, step, warn
from .odoo_env import module_dirs
from .processes import drop_database, echo_progress, module_states, odoo_shell, run_odoo
from .settings import DEMO_DB, DEMO_LANG, DEMO_TZ, LOG_DIR, MODULES, READY_PARAM

DEMO_CONFIGURE = f"""
company = env.ref("base.main_company")
vnd = env.ref("base.VND")
vnd.active = True
env["res.lang"]._activate_lang("en_US")  # --load-language leaves vi_VN as the only language
values = {{"country_id": env.ref("base.vn").id}}
if company.currency_id != vnd:
    values["currency_id"] = vnd.id
company.write(values)
company.partner_id.write({{"tz": "{DEMO_TZ}", "lang": "{DEMO_LANG}"}})
env.ref("base.user_admin").write({{"lang": "{DEMO_LANG}", "tz": "{DEMO_TZ}"}})
env.cr.commit()
"""

DEMO_FINALIZE = f"""
company = env.ref("base.main_company")
vnd = env.ref("base.VND")
if company.currency_id != vnd:
    print("PA-WARNING: company currency is", company.currency_id.name, "not VND")
env.ref("base.user_admin").write({{"lang": "{DEMO_LANG}", "tz": "{DEMO_TZ}"}})
if "resource_calendar_id" in company._fields and company.resource_calendar_id:
    company.resource_calendar_id.tz = "{DEMO_TZ}"
# A Vietnamese centre: new contacts and visitors of the public pages start in Vietnamese.
env["ir.default"].set("res.partner", "lang", "{DEMO_LANG}")
env.ref("base.public_user").partner_id.lang = "{DEMO_LANG}"
env["ir.config_parameter"].sudo().set_param("{READY_PARAM}", "1")
env.cr.commit()
"""


def demo_state(pg):
    """missing, broken (creation of base interrupted), partial (setup unfinished) or ready."""
    if not pg.database_exists(DEMO_DB):
        return "missing"
    try:
        base = pg.query("SELECT state FROM ir_module_module WHERE name = 'base'", dbname=DEMO_DB)
        if not base or base[0][0] != "installed":
            return "broken"
        rows = pg.query("SELECT value FROM ir_config_parameter WHERE key = %s", (READY_PARAM,), dbname=DEMO_DB)
    except Exception:  # noqa: BLE001  (exists but is not an initialised Odoo database)
        return "broken"
    return "ready" if rows else "partial"


def create_demo_database(pg, conf, state):
    t0 = time.time()
    logs = LOG_DIR / "demo"
    if state == "broken":
        step(f"The demo database '{DEMO_DB}' was left half-created by an interrupted first run: recreating it")
        if not drop_database(conf, DEMO_DB):
            raise Fail(f"could not drop the half-created database {DEMO_DB}")
        state = "missing"
    if state == "missing":
        step(f"First run: creating the demo database '{DEMO_DB}' (takes a few minutes; logs in .local/logs/demo/)")
        step(f"  1/4 base with demo data and {DEMO_LANG}")
        args = [
            "-c",
            str(conf),
            "-d",
            DEMO_DB,
            "-i",
            "base",
            "--load-language",
            DEMO_LANG,
            "--stop-after-init",
            "--no-http",
            "--log-level=info",
        ]
        rc = run_odoo(args, logs / "1-base.log", echo_progress).returncode
        if rc != 0:
            raise Fail(f"creating the demo database failed (log: {logs / '1-base.log'}); `make reset` to start over")
    else:
        step(f"Resuming the setup of the demo database '{DEMO_DB}' (an earlier first run did not finish)")
    step(f"  2/4 company in Vietnam, currency VND, admin language {DEMO_LANG}, timezone {DEMO_TZ}")
    odoo_shell(conf, DEMO_DB, DEMO_CONFIGURE, logs / "2-configure.log")
    step(f"  3/4 installing {', '.join(MODULES)} with their demo data")
    args = [
        "-c",
        str(conf),
        "-d",
        DEMO_DB,
        "-i",
        ",".join(MODULES),
        "--stop-after-init",
        "--no-http",
        "--log-level=info",
    ]
    rc = run_odoo(args, logs / "3-install.log", echo_progress).returncode
    states = module_states(pg, DEMO_DB, MODULES)
    if rc != 0 or any(s != "installed" for s in states.values()):
        raise Fail(
            f"installing the suite failed (states: {states}; log: {logs / '3-install.log'}).\n"
            "Fix the error and run `make run` again (it resumes), or `make reset` to start over."
        )
    step("  4/4 final settings")
    out = odoo_shell(conf, DEMO_DB, DEMO_FINALIZE, logs / "4-finalize.log")
    for line in out.splitlines():
        if line.startswith("PA-WARNING"):
            warn(line[len("PA-WARNING: ") :])
    say(f"    demo database ready in {time.time() - t0:.0f}s")


def demo_logins(pg):
    """admin/admin, Odoo's demo user, and the users of each addon's demo/res_users_demo.xml."""
    logins = [("admin", "admin", "Administrator"), ("demo", "demo", "Odoo demo user")]
    for path in module_dirs():
        xml = path / "demo" / "res_users_demo.xml"
        if not xml.is_file():
            continue
        try:
            root = ET.parse(xml).getroot()
        except ET.ParseError:
            continue
        for rec in root.iter("record"):
            if rec.get("model") != "res.users":
                continue
            fields = {f.get("name"): (f.text or "").strip() for f in rec.findall("field")}
            if fields.get("login"):
                login = fields["login"]
                logins.append((login, fields.get("password") or login, fields.get("name", "")))
    with contextlib.suppress(Exception):
        existing = {r[0] for r in pg.query("SELECT login FROM res_users WHERE active", dbname=DEMO_DB)}
        logins = [entry for entry in logins if entry[0] in existing]
    return logins
