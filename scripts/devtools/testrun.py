"""`make test`: lint, our addons' Odoo tests and pytest on a throwaway database.

Every check adds to one passed/failed count; the command ends with `N passed, N failed`.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import time
import xml.etree.ElementTree as ET

from .console import Counter, Fail, say, step
from .lint import run_lint
from .network import ephemeral_port, wait_http
from .odoo_env import check_odoo, module_dirs, odoo_cmd, suite_dependencies, write_local_conf
from .packages import ensure_chromium, ensure_requirements, ensure_wkhtmltopdf
from .postgres import ensure_postgres, stop_private_postgres
from .processes import (
    drop_database,
    echo_progress,
    echo_tests,
    log_errors,
    module_states,
    odoo_shell,
    parse_log_line,
    run_logged,
    run_odoo,
    stop_process,
)
from .server import own_server_pid
from .settings import DEMO_LANG, LOG_DIR, MODULES, PYTHON, REPO

# Prefix of the template databases that click-odoo-initdb keeps (at most 8 characters).
TEMPLATE_PREFIX = "patest"

TEST_DB_LANGUAGES = """
env["res.lang"]._activate_lang("en_US")
# As in Odoo's own test databases, English is the default and every record starts in it; tests
# that need Vietnamese (installed beside it) ask for it.
env["ir.default"].set("res.partner", "lang", "en_US")
env["res.partner"].with_context(active_test=False).search([("lang", "!=", "en_US")]).write({"lang": "en_US"})
env.cr.commit()
"""


def echo_initdb(rec):
    """Progress of click-odoo-initdb: Odoo's, and whether a template was found."""
    return echo_progress(rec) or rec["logger"] in ("click_odoo_contrib.initdb", "__main__")  # run with -m


BROWSER_SKIP_RE = re.compile(r"chrome|chromium|websocket|devtools|browser", re.IGNORECASE)
SUMMARY_RE = re.compile(r"^(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
TEST_ERROR_LOADING_RE = re.compile(
    r"^(Module \S+: \d+ failures, \d+ errors of \d+ tests"
    r"|At least one test failed when loading the modules"
    r"|.*: at least one error occurred in a test)"
)


def parse_test_log(path):
    """Counts of the Odoo test run, from its log.

    Lines used (Odoo 18.0):
      odoo.tests.result: N failed, N error(s) of N tests when loading database 'db'
      <test module logger>: skipped <test> : <reason>   (OdooTestResult.addSkip)
      <test module logger>: Starting <test> ...          (a test starts)
      odoo.modules.loading: Module <m> loaded in ...     (end of its at_install tests)
      odoo.service.server: N post-tests in ...           (end of post_install tests)
    """
    res = {
        "summary": False,
        "failed": 0,
        "errors": 0,
        "run": 0,
        "skipped": [],
        "browser_skipped": [],
        "outside_errors": [],
        "last_test": None,
    }
    in_tests = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        rec = parse_log_line(line)
        if rec is None:
            continue
        logger, msg, level = rec["logger"], rec["msg"], rec["level"]
        is_test_logger = ".tests" in logger or logger.startswith("odoo.tests")
        if logger == "odoo.tests.result":
            m = SUMMARY_RE.match(msg)
            if m:
                res.update(summary=True, failed=int(m[1]), errors=int(m[2]), run=int(m[3]))
                continue
        if is_test_logger and msg.startswith("Starting "):
            in_tests = True
            res["last_test"] = msg[len("Starting ") :].rstrip(" .")
        elif logger == "odoo.modules.loading" and msg.startswith("Module ") and " loaded in " in msg:
            in_tests = False
        elif logger == "odoo.service.server" and "post-tests in" in msg:
            in_tests = False
        if is_test_logger and msg.startswith("skipped "):
            res["skipped"].append(msg)
            if BROWSER_SKIP_RE.search(msg.split(" : ", 1)[-1]):
                res["browser_skipped"].append(msg)
        if (
            level in ("ERROR", "CRITICAL")
            and not in_tests
            and not is_test_logger
            and not TEST_ERROR_LOADING_RE.match(msg)
        ):
            res["outside_errors"].append(line)
    return res


class TestRun:
    """`make test`: lint, Odoo tests, pytest; every check adds to one passed/failed count."""

    def __init__(self, info):
        self.info = info
        self.counter = Counter()
        self.problems = []
        self.db = f"public_admin_test_{secrets.token_hex(4)}"
        self.logs = LOG_DIR / "test"
        self.pg = self.conf = self.server = None
        # the whole command must end within 30 minutes on 2 cores: each Odoo step gets
        # what is left of TEST_BUDGET, minus a reserve for pytest and the cleanup
        self.deadline = time.time() + int(os.environ.get("TEST_BUDGET", "1680"))

    def time_left(self, reserve):
        return max(60, self.deadline - time.time() - reserve)

    def fail(self, name, problem):
        self.problems.append(problem)
        self.counter.add(name, 0, 1)

    def odoo(self, *args):
        return ["-c", str(self.conf), "-d", self.db, "--log-level=info", "--max-cron-threads=0", *args]

    def run(self):
        run_lint(self.counter)
        if self.logs.exists():
            shutil.rmtree(self.logs)
        try:
            self.pg = ensure_postgres()
            self.conf = write_local_conf(self.pg, self.info)
            self.install_dependencies() and self.odoo_tests() and self.pytest()
        except Fail as exc:
            self.fail("test command", str(exc))
        except SystemExit as exc:
            self.fail("interrupted", f"interrupted (exit code {exc.code})")
        except Exception as exc:  # noqa: BLE001  (report, clean up, count it as a failure)
            self.fail("test command", f"{type(exc).__name__}: {exc}")
        finally:
            self.cleanup()

    def install_dependencies(self):
        """The dependencies of our addons, without demo data, from a cached template when possible.

        click-odoo-initdb (click-odoo-contrib) keeps template databases of installed modules in
        the PostgreSQL server, named after a hash of the files of those modules and of the
        modules they depend on: when none changed, the database is a copy of the template
        (seconds instead of half a minute), otherwise the modules are installed and a new
        template is kept (at most 5, unused ones dropped after 30 days).
        """
        deps = ",".join(suite_dependencies())
        step(f"[1/3] database {self.db}: dependencies without demo data: {deps}")
        t1 = time.time()
        cmd = [PYTHON, "-m", "click_odoo_contrib.initdb", "-c", str(self.conf), "-n", self.db, "-m", deps]
        cmd += ["--no-demo", "--cache-prefix", TEMPLATE_PREFIX]
        steps = (
            ("from a template (click-odoo-initdb)", cmd, self.logs / "1-dependencies.log"),
            (
                f"language {DEMO_LANG}",
                odoo_cmd(*self.odoo("--load-language", DEMO_LANG, "--stop-after-init", "--no-http")),
                self.logs / "1-language.log",
            ),
        )
        for what, command, log in steps:
            result = run_logged(command, log, echo_initdb, timeout=self.time_left(600))
            errors = log_errors(log)
            if result.timed_out:
                self.fail("odoo: install dependencies", f"{what}: did not finish in time (log {log})")
                return False
            if result.returncode != 0 or errors:
                self.fail(
                    "odoo: install dependencies",
                    f"{what}: failed (exit code {result.returncode}, {len(errors)} ERROR lines; log {log})",
                )
                return False
        say(f"    done in {time.time() - t1:.0f}s")
        # --load-language leaves vi_VN as the only, default language; the suite's tests run with
        # English as the default and Vietnamese installed beside it, and choose Vietnamese explicitly.
        odoo_shell(self.conf, self.db, TEST_DB_LANGUAGES, self.logs / "1-languages.log")
        return True

    def odoo_tests(self):
        step(f"[2/3] installing {','.join(MODULES)} with --test-enable (our addons' tests only)")
        t2, log = time.time(), self.logs / "2-odoo-tests.log"
        tags = ",".join(f"/{m}" for m in MODULES)
        args = self.odoo(
            "-i",
            ",".join(MODULES),
            "--without-demo=all",
            "--test-enable",
            "--test-tags",
            tags,
            "--stop-after-init",
            "--workers=0",
            "--http-interface=127.0.0.1",
            "--http-port",
            str(ephemeral_port()),
        )
        result = run_odoo(args, log, echo_tests, timeout=self.time_left(180))
        rc = result.returncode
        say(f"    done in {time.time() - t2:.0f}s")
        res = parse_test_log(log)
        if result.timed_out:
            self.fail(
                "odoo: tests finished in time",
                f"the Odoo tests were stopped after {time.time() - t2:.0f}s to stay within "
                f"the time budget; last test started: {res['last_test'] or '-'} (log {log})",
            )
        failed = res["failed"] + res["errors"]
        passed = max(0, res["run"] - failed - len(res["skipped"]))
        note = f"({len(res['skipped'])} skipped)" if res["skipped"] else ""
        self.counter.add("odoo tests", passed, failed, note)
        if not res["summary"]:
            self.fail("odoo: test run completed", f"the Odoo test run ended without its summary line (see {log})")
        if res["browser_skipped"]:
            self.fail(
                "odoo: browser tests ran",
                "browser tests were skipped:\n      " + "\n      ".join(res["browser_skipped"]),
            )
        if res["outside_errors"]:
            self.fail(
                "odoo: log clean outside tests",
                "ERROR/CRITICAL lines outside tests in the Odoo log:\n      "
                + "\n      ".join(line[:300] for line in res["outside_errors"][:20]),
            )
        if rc != 0 and failed == 0 and not result.timed_out:
            self.fail("odoo: exit code", f"Odoo exited with code {rc} (log {log})")
        states = module_states(self.pg, self.db, MODULES)
        if any(state != "installed" for state in states.values()):
            self.fail("odoo: addons installed", f"our addons are not all installed: {states}")
            return False
        return True

    def pytest(self):
        step("[3/3] pytest tests/ against a running Odoo server")
        port, log = ephemeral_port(), self.logs / "3-server.log"
        url = f"http://127.0.0.1:{port}"
        with log.open("w", encoding="utf-8") as fh:
            args = self.odoo(
                f"--db-filter=^{self.db}$", "--workers=0", "--http-interface=127.0.0.1", "--http-port", str(port)
            )
            self.server = subprocess.Popen(
                odoo_cmd(*args), stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        if not wait_http(f"{url}/web/login", self.server, timeout=180):
            self.fail("pytest: server started", f"Odoo did not answer on {url} (log {log})")
            return False
        junit = self.logs / "pytest.xml"
        env = dict(
            os.environ,
            ODOO_URL=url,
            ODOO_DB=self.db,
            ODOO_ADMIN_PASSWORD="admin",
            ODOO_MODULES=",".join(MODULES),
            ODOO_LANG=DEMO_LANG,
            # the server is started like the one of `make run` (odoo_cmd): tests/test_server.py
            # reloads it with SIGHUP and follows its log
            ODOO_SERVER_PID=str(self.server.pid),
            ODOO_SERVER_LOG=str(log),
        )
        cmd = [
            PYTHON,
            "-m",
            "pytest",
            str(REPO / "tests"),
            "-v",
            f"--junitxml={junit}",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:benchmark",
        ]
        try:
            returncode = subprocess.run(
                cmd, cwd=REPO, env=env, stdin=subprocess.DEVNULL, timeout=self.time_left(60)
            ).returncode
        except subprocess.TimeoutExpired:
            returncode = None
            self.fail("pytest: finished in time", "pytest was stopped to stay within the budget")
        passed, failed, skipped = parse_junit(junit)
        self.counter.add("pytest tests", passed, failed, f"({skipped} skipped)" if skipped else "")
        if returncode not in (0, 1, None) and failed == 0:
            self.fail("pytest: run", f"pytest exited with code {returncode}")
        stop_process(self.server)
        self.server = None
        errors = log_errors(log)
        if errors:
            self.fail(
                "pytest: server log clean",
                "ERROR/CRITICAL lines in the server log during pytest:\n      "
                + "\n      ".join(line[:300] for line in errors[:20]),
            )
        return True

    def cleanup(self):
        stop_process(self.server)
        pg = self.pg
        if pg is None:
            return
        if os.environ.get("KEEP_TEST_DB") == "1":
            say(f"    keeping database {self.db} (KEEP_TEST_DB=1)")
        else:
            with contextlib.suppress(Exception):
                if pg.database_exists(self.db):
                    step(f"Dropping the throwaway database {self.db}")
                    drop_database(self.conf, self.db)
        if pg.started and not own_server_pid():
            with contextlib.suppress(Exception, SystemExit):
                others = pg.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
                    "'client backend' AND pid <> pg_backend_pid()"
                )[0][0]
                if others:
                    say(f"    leaving the private PostgreSQL running ({others} other clients)")
                else:
                    stop_private_postgres()


def cmd_test(_args):
    t0 = time.time()
    step("Checking Odoo 18.0")
    info = check_odoo()
    say(f"    Odoo {info['version']} in {info['root']}")
    ensure_requirements()
    ensure_chromium()
    ensure_wkhtmltopdf()
    module_dirs()

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, on_signal)
    run = TestRun(info)
    run.run()
    say("")
    say(f"Summary ({time.time() - t0:.0f}s; logs in {run.logs}):")
    say("\n".join(run.counter.lines))
    for problem in run.problems:
        say(f"  FAILED: {problem}")
    say(f"{run.counter.passed} passed, {run.counter.failed} failed")
    return 0 if run.counter.failed == 0 and not run.problems else 1


def parse_junit(path):
    if not path.is_file():
        return 0, 1, 0
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - failed - skipped, failed, skipped
