#!/usr/bin/env python3
"""Developer tooling of the Public Admin Centre suite.

Called by the Makefile (``make run``, ``make test``, ``make lint``, ``make stop``,
``make reset``). Standard library only, so that it can explain what is missing
before anything is installed. Odoo itself is never downloaded or built here: it is
a prerequisite that must be importable as ``odoo`` by the interpreter running this
script (``$PYTHON``, default ``python3``).

Environment knobs (all optional):
  PYTHON             interpreter that has Odoo 18.0 (set by the Makefile)
  PG*                a PostgreSQL server to use instead of the private cluster
  ODOO_PORT          HTTP port of `make run` (default: http_port of odoo.conf, 8069)
  PRIVATE_PG_PORT    first TCP port tried for the private cluster (default 5433)
  PG_BINDIR          directory holding initdb/pg_ctl/postgres
  PG_OS_USER         unprivileged OS user owning the private cluster when run as root
  DEMO_DB            name of the demo database (default public_admin_demo)
  ODOO_ARGS          extra arguments for the server started by `make run`
  SUITE_MODULES      comma-separated addons of the suite (default: our three addons)
  EXTRA_ADDONS_PATH  comma-separated extra addons directories
  KEEP_TEST_DB=1     keep the throwaway test database (debugging)
  TEST_BUDGET        seconds `make test` may take before its Odoo steps are stopped (1680)
"""

import argparse
import ast
import configparser
import contextlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCAL = REPO / ".local"
ODOO_CONF = REPO / "odoo.conf"
LOCAL_CONF = LOCAL / "odoo-local.conf"
DATA_DIR = LOCAL / "data"
LOG_DIR = LOCAL / "logs"
RUN_PIDFILE = LOCAL / "odoo-run.pid"
PG_DIR = LOCAL / "postgres"
PG_DATA = PG_DIR / "data"
PG_SOCKET_DIR = PG_DIR / "socket"
PG_LOG = PG_DIR / "postgres.log"
PG_PASSWORD_FILE = LOCAL / "postgres-password"
PG_ROLE = "odoo"
PG_OS_USER_DEFAULT = "odoo-pg"
REQUIREMENTS = REPO / "requirements.txt"

PYTHON = sys.executable or "python3"
DEMO_DB = os.environ.get("DEMO_DB", "public_admin_demo")
DEFAULT_MODULES = "sms_http_gateway,l10n_vn_amount_to_text,public_admin_centre,public_admin_fees,public_admin_survey"
MODULES = [m.strip() for m in os.environ.get("SUITE_MODULES", DEFAULT_MODULES).split(",") if m.strip()]
EXTRA_ADDONS = [p for p in os.environ.get("EXTRA_ADDONS_PATH", "").split(",") if p.strip()]
DEMO_LANG = "vi_VN"
DEMO_TZ = "Asia/Ho_Chi_Minh"
READY_PARAM = "public_admin_dev.demo_ready"
AUTHOR = "Public Admin Centre Suite contributors"
ODOO_DOC = "https://www.odoo.com/documentation/18.0/administration/on_premise/source.html"

LOG_RE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) (?P<level>[A-Z?]+) "
    r"(?P<db>\S+) (?P<logger>[^\s:]+): (?P<msg>.*)$"
)


class Fail(Exception):
    """A clear, expected failure: printed without a traceback."""


def say(msg=""):
    print(msg, flush=True)


def step(msg):
    say(f"==> {msg}")


def warn(msg):
    print(f"WARNING: {msg}", file=sys.stderr, flush=True)


def is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


# --------------------------------------------------------------------------- Odoo


ODOO_PROBE = """
import json, os, odoo, odoo.release, odoo.addons
assert odoo.release.version_info[0] == 18, odoo.release.version
print(json.dumps({
    "version": odoo.release.version,
    "serie": odoo.release.serie,
    "root": os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))),
    "addons": [os.path.abspath(p) for p in odoo.addons.__path__],
}))
"""


def check_odoo():
    """Odoo 18.0 must be importable; stop at once with a clear message otherwise."""
    try:
        proc = subprocess.run([PYTHON, "-c", ODOO_PROBE], capture_output=True, text=True, timeout=120)
    except OSError as exc:
        proc = None
        detail = str(exc)
    if proc is not None and proc.returncode == 0:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    if proc is not None:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        detail = lines[-1] if lines else f"exit code {proc.returncode}"
    raise Fail(
        "Odoo 18.0 Community is a prerequisite and is not importable as `odoo` by\n"
        f"  {PYTHON}\n"
        f"  ({detail})\n"
        "Install Odoo 18.0 from source (or from the Odoo packages) as documented at\n"
        f"  {ODOO_DOC}\n"
        "so that `python3 -c 'import odoo'` works, or point PYTHON at an interpreter that has it:\n"
        "  make run PYTHON=/path/to/venv/bin/python"
    )


def addons_path(odoo_info):
    root = Path(odoo_info["root"])
    paths = [REPO / "addons"]
    paths += [Path(p).resolve() for p in EXTRA_ADDONS]
    for candidate in (root / "addons", root / "odoo" / "addons"):
        if candidate.is_dir():
            paths.append(candidate)
    # Other entries of odoo.addons.__path__ (pip-installed addons such as report_xlsx in
    # site-packages/odoo/addons) are found by Odoo itself; listing them is harmless.
    for p in odoo_info["addons"]:
        if Path(p).is_dir() and Path(p) not in paths and any(Path(p).glob("*/__manifest__.py")):
            paths.append(Path(p))
    return ",".join(str(p) for p in paths)


def module_dirs():
    """Directory of each suite module (repo addons first, then EXTRA_ADDONS_PATH)."""
    found = {}
    for base in [REPO / "addons"] + [Path(p).resolve() for p in EXTRA_ADDONS]:
        for mod in MODULES:
            if mod not in found and (base / mod / "__manifest__.py").is_file():
                found[mod] = base / mod
    missing = [m for m in MODULES if m not in found]
    if missing:
        raise Fail(f"addon(s) not found under addons/: {', '.join(missing)}")
    return [found[m] for m in MODULES]


def suite_dependencies():
    """Modules our addons depend on, minus our own addons."""
    deps = []
    for path in module_dirs():
        manifest = ast.literal_eval((path / "__manifest__.py").read_text(encoding="utf-8"))
        for dep in manifest.get("depends", []):
            if dep not in MODULES and dep not in deps:
                deps.append(dep)
    return deps or ["base"]


# ---------------------------------------------------------------- Python packages


def _requirement_tools():
    try:
        from packaging.requirements import Requirement  # noqa: PLC0415
    except ImportError:  # pip always vendors packaging
        from pip._vendor.packaging.requirements import Requirement  # noqa: PLC0415
    return Requirement


def ensure_requirements():
    """pip-install what requirements.txt lists and is missing or at a wrong version."""
    from importlib import metadata  # noqa: PLC0415

    Requirement = _requirement_tools()
    missing, missing_nodeps = [], []
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker and not req.marker.evaluate():
            continue
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            version = None
        if version is not None and (not req.specifier or req.specifier.contains(version, prereleases=True)):
            continue
        # odoo-addon-* wheels require an `odoo` distribution that pip cannot find:
        # Odoo is installed by hand, so they go in without their dependencies.
        (missing_nodeps if req.name.lower().startswith("odoo-addon") else missing).append(line)
    if not missing and not missing_nodeps:
        return
    for reqs, extra in ((missing, []), (missing_nodeps, ["--no-deps"])):
        if not reqs:
            continue
        step(f"Installing Python packages: {' '.join(reqs)}")
        cmd = [PYTHON, "-m", "pip", "install", "--disable-pip-version-check", *extra, *reqs]
        if subprocess.run(cmd).returncode != 0:
            raise Fail(
                "pip could not install the packages above.\n"
                "If this interpreter is managed by the system (externally-managed-environment),\n"
                "use a virtualenv that can import Odoo 18.0 and run:\n"
                "  make run PYTHON=/path/to/venv/bin/python"
            )


# --------------------------------------------------------------------- PostgreSQL


def read_odoo_conf():
    parser = configparser.RawConfigParser()
    if ODOO_CONF.is_file():
        parser.read(ODOO_CONF, encoding="utf-8")
    return dict(parser.items("options")) if parser.has_section("options") else {}


def _conf_value(conf, key):
    value = (conf.get(key) or "").strip()
    return None if value.lower() in ("", "false", "none") else value


class Postgres:
    """Connection to the PostgreSQL server used by Odoo."""

    def __init__(self, kind, params, conf, started=False):
        self.kind = kind  # "external" or "private"
        self.params = params  # for psycopg2
        self.conf = conf  # db_* options for Odoo
        self.started = started  # the private cluster was started by this command

    def connect(self, dbname="postgres"):
        import psycopg2  # noqa: PLC0415  (an Odoo dependency, present once Odoo imports)

        conn = psycopg2.connect(dbname=dbname, connect_timeout=5, **self.params)
        conn.autocommit = True
        return conn

    def query(self, sql, args=(), dbname="postgres"):
        with contextlib.closing(self.connect(dbname)) as conn, conn.cursor() as cr:
            cr.execute(sql, args)
            return cr.fetchall() if cr.description else []

    def database_exists(self, name):
        return bool(self.query("SELECT 1 FROM pg_database WHERE datname = %s", (name,)))

    def describe(self):
        if self.kind == "private":
            port, host = self.params["port"], self.params["host"]
            return f"private cluster .local/postgres (port {port}, socket {host})"
        where = self.params.get("host") or os.environ.get("PGHOST") or "default socket"
        port = self.params.get("port") or os.environ.get("PGPORT") or "5432"
        return f"server named by PG* variables / odoo.conf ({where}, port {port})"


def named_server():
    """A server named by the PG* variables or odoo.conf, if it answers."""
    conf = read_odoo_conf()
    mapping = {"host": "db_host", "port": "db_port", "user": "db_user", "password": "db_password"}
    params = {k: _conf_value(conf, v) for k, v in mapping.items() if _conf_value(conf, v)}
    sslmode = _conf_value(conf, "db_sslmode")
    named_by_env = any(os.environ.get(v) for v in ("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGSERVICE"))
    if not params and not named_by_env:
        return None
    if sslmode:
        params["sslmode"] = sslmode
    pg = Postgres("external", params, {})
    try:
        pg.query("SELECT 1")
    except Exception as exc:  # noqa: BLE001
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        say(
            f"    PostgreSQL named by PG* variables / odoo.conf does not answer ({first}); "
            "using the private cluster instead."
        )
        return None
    return pg


def pg_bin(name):
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]) / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True):
        candidates.append(base / name)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
            candidates.append(Path(bindir) / name)
    for cand in candidates:
        if cand.is_file() and os.access(cand, os.X_OK):
            return str(cand)
    raise Fail(
        f"PostgreSQL server program `{name}` not found, and no server named by PG* variables or\n"
        "odoo.conf answers. Install PostgreSQL (Debian: apt-get install postgresql), or set\n"
        "PG_BINDIR to the directory holding initdb/pg_ctl/postgres, or point the PG* variables"
        " at a server."
    )


class PgUser:
    """The OS user that owns and runs the private cluster."""

    def __init__(self):
        import pwd  # noqa: PLC0415

        if not is_root():
            entry = pwd.getpwuid(os.geteuid())
        else:
            name = os.environ.get("PG_OS_USER")
            if not name and PG_DATA.exists() and PG_DATA.stat().st_uid != 0:
                name = pwd.getpwuid(PG_DATA.stat().st_uid).pw_name
            name = name or PG_OS_USER_DEFAULT
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                say(f"    creating system user '{name}' to run the private PostgreSQL (it refuses to run as root)")
                subprocess.run(
                    [
                        "useradd",
                        "--system",
                        "--user-group",
                        "--no-create-home",
                        "--home-dir",
                        "/nonexistent",
                        "--shell",
                        "/usr/sbin/nologin",
                        name,
                    ],
                    check=True,
                )
                entry = pwd.getpwnam(name)
            if entry.pw_uid == 0:
                raise Fail(f"PG_OS_USER must not be root (got '{name}')")
        self.name, self.uid, self.gid = entry.pw_name, entry.pw_uid, entry.pw_gid

    def run(self, cmd, **kwargs):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update({"HOME": str(PG_DIR), "LC_ALL": "C", "LANG": "C"})
        kwargs.setdefault("env", env)
        kwargs.setdefault("cwd", str(PG_DIR))
        if is_root() and self.uid != 0:
            kwargs.update(user=self.uid, group=self.gid, extra_groups=[])
        return subprocess.run(cmd, **kwargs)

    def chown(self, path):
        if is_root():
            os.chown(path, self.uid, self.gid)


def private_running():
    """(pid, port, socket_dir) of the private cluster if its postmaster is alive."""
    pidfile = PG_DATA / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
        pid, port, sockdir = int(lines[0]), int(lines[3]), lines[4]
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by another user
    with contextlib.suppress(OSError):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"postgres" not in cmdline:
            return None
    return pid, port, sockdir


def port_free(port, host=""):
    """True if nothing listens on `port` (checked like a server binding it)."""
    for family, addr in ((socket.AF_INET, host or "0.0.0.0"), (socket.AF_INET, "127.0.0.1")):
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((addr, port))
            except OSError:
                return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) != 0


def find_free_port(start, count=100, host=""):
    for port in range(start, start + count):
        if port_free(port, host):
            return port
    raise Fail(f"no free TCP port between {start} and {start + count - 1}")


def ephemeral_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_password():
    if PG_PASSWORD_FILE.is_file():
        return PG_PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(18)
    LOCAL.mkdir(exist_ok=True)
    PG_PASSWORD_FILE.touch(mode=0o600)
    PG_PASSWORD_FILE.write_text(password + "\n")
    return password


def private_postgres(start=True):
    """Reuse the running private cluster, or create/start it under .local/postgres."""
    password = private_password()
    params = {"host": str(PG_SOCKET_DIR), "user": PG_ROLE, "password": password}
    running = private_running()
    if running:
        pid, port, sockdir = running
        params.update(host=sockdir or str(PG_SOCKET_DIR), port=port)
        say(f"    reusing the private PostgreSQL already running (pid {pid}, port {port})")
        return Postgres("private", params, _private_conf(params))
    if not start:
        return None
    if len(str(PG_SOCKET_DIR)) > 90:
        raise Fail(f"the repository path is too long for a PostgreSQL unix socket: {PG_SOCKET_DIR}")
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    user = PgUser()
    LOCAL.mkdir(exist_ok=True)
    PG_DIR.mkdir(exist_ok=True)
    PG_SOCKET_DIR.mkdir(exist_ok=True)
    for path in (PG_DIR, PG_SOCKET_DIR):
        user.chown(path)
        os.chmod(path, 0o700)
    if user.run(["test", "-w", str(PG_DIR)]).returncode != 0:
        raise Fail(
            f"the private PostgreSQL runs as the unprivileged user '{user.name}', "
            "who cannot reach\n"
            f"  {PG_DIR}\n"
            "Give the parent directories execute permission for others (chmod o+x), move the\n"
            "repository, or point the PG* variables at an existing PostgreSQL server."
        )
    if not (PG_DATA / "PG_VERSION").is_file():
        step(f"Creating the private PostgreSQL cluster in .local/postgres (OS user {user.name})")
        if PG_DATA.exists():
            shutil.rmtree(PG_DATA)
        pwfile = PG_DIR / ".pwfile"
        pwfile.write_text(password + "\n")
        user.chown(pwfile)
        os.chmod(pwfile, 0o600)
        try:
            proc = user.run(
                [
                    initdb,
                    "-D",
                    str(PG_DATA),
                    "-U",
                    PG_ROLE,
                    f"--pwfile={pwfile}",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                ],
                capture_output=True,
                text=True,
            )
        finally:
            pwfile.unlink(missing_ok=True)
        if proc.returncode != 0:
            raise Fail(f"initdb failed:\n{proc.stdout}{proc.stderr}")
    port = find_free_port(int(os.environ.get("PRIVATE_PG_PORT", "5433")))
    step(f"Starting the private PostgreSQL on port {port} (unix socket in .local/postgres/socket)")
    opts = (
        f"-p {port} -k {shlex.quote(str(PG_SOCKET_DIR))} -c listen_addresses=127.0.0.1 "
        "-c synchronous_commit=off"  # faster, and a crash loses at most the last commits
    )
    proc = user.run(
        [pg_ctl, "-D", str(PG_DATA), "-l", str(PG_LOG), "-o", opts, "-w", "-t", "60", "start"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = PG_LOG.read_text(errors="replace").splitlines()[-15:] if PG_LOG.exists() else []
        raise Fail("pg_ctl start failed:\n" + proc.stdout + proc.stderr + "\n".join(tail))
    params["port"] = port
    pg = Postgres("private", params, _private_conf(params), started=True)
    for _ in range(30):
        try:
            pg.query("SELECT 1")
            break
        except Exception:  # noqa: BLE001
            time.sleep(0.5)
    else:
        pg.query("SELECT 1")
    return pg


def _private_conf(params):
    return {
        "db_host": params["host"],
        "db_port": str(params["port"]),
        "db_user": PG_ROLE,
        "db_password": params["password"],
    }


def ensure_postgres():
    step("Finding PostgreSQL")
    pg = named_server() or private_postgres()
    say(f"    using the {pg.describe()}")
    return pg


def stop_private_postgres():
    running = private_running()
    if not running:
        say("Private PostgreSQL is not running.")
        return
    pid, port, _ = running
    step(f"Stopping the private PostgreSQL (pid {pid}, port {port})")
    proc = PgUser().run(
        [pg_bin("pg_ctl"), "-D", str(PG_DATA), "-m", "fast", "-w", "stop"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise Fail(f"pg_ctl stop failed:\n{proc.stdout}{proc.stderr}")


# ---------------------------------------------------------------- Odoo processes


def write_local_conf(pg, odoo_info):
    """.local/odoo-local.conf = odoo.conf + machine-specific settings."""
    parser = configparser.RawConfigParser()
    if ODOO_CONF.is_file():
        parser.read(ODOO_CONF, encoding="utf-8")
    if not parser.has_section("options"):
        parser.add_section("options")
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    values = {
        "addons_path": addons_path(odoo_info),
        "data_dir": str(DATA_DIR),
        # demo data in the demo database; `make test` passes --without-demo=all
        "without_demo": "False",
        **pg.conf,
    }
    for key, value in values.items():
        parser.set("options", key, value)
    LOCAL_CONF.touch(mode=0o600)
    with LOCAL_CONF.open("w", encoding="utf-8") as fh:
        fh.write("; Generated by scripts/dev.py from odoo.conf on every run: edit odoo.conf instead.\n")
        parser.write(fh)
    return LOCAL_CONF


def odoo_cmd(*args):
    return [PYTHON, "-m", "odoo", *args]


def parse_log_line(line):
    m = LOG_RE.match(line)
    return m.groupdict() if m else None


class OdooRun:
    """Result of run_odoo: exit code, and whether the time limit stopped it."""

    def __init__(self, returncode, timed_out):
        self.returncode, self.timed_out = returncode, timed_out


def run_odoo(args, logfile, echo=None, timeout=None):
    """Run an Odoo command, tee its output to `logfile`, print lines selected by `echo`.

    Odoo runs in its own process group, so that a time limit or an interruption also ends
    what it started (Chromium, wkhtmltopdf).
    """
    logfile.parent.mkdir(parents=True, exist_ok=True)
    cmd = odoo_cmd(*args)
    timed_out = threading.Event()
    with logfile.open("w", encoding="utf-8") as log:
        log.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        timer = None
        if timeout:

            def expire():
                timed_out.set()
                stop_process(proc, 20)

            timer = threading.Timer(timeout, expire)
            timer.daemon = True
            timer.start()
        showing = False
        try:
            for line in proc.stdout:
                log.write(line)
                rec = parse_log_line(line.rstrip("\n"))
                if rec is not None:
                    showing = bool(echo and echo(rec))
                if showing:
                    sys.stdout.write("    " + line)
                    sys.stdout.flush()
            return OdooRun(proc.wait(), timed_out.is_set())
        finally:
            if timer:
                timer.cancel()
            stop_process(proc)  # interrupted: do not leave Odoo running


PROGRESS_RE = re.compile(r"^(Loading module \S+ \(\d+/\d+\)|loading \d+ modules|Modules loaded)")


def echo_progress(rec):
    if rec["level"] in ("WARNING", "ERROR", "CRITICAL"):
        return True
    return rec["logger"] == "odoo.modules.loading" and bool(PROGRESS_RE.match(rec["msg"]))


def echo_tests(rec):
    if echo_progress(rec):
        return True
    msg = rec["msg"]
    return (
        ".tests" in rec["logger"]
        and msg.startswith(("Starting ", "skipped "))
        or (rec["logger"] == "odoo.tests.result")
    )


def odoo_shell(conf, db, code, logfile):
    cmd = odoo_cmd("shell", "-c", str(conf), "-d", db, "--no-http", "--log-level=warn")
    proc = subprocess.run(cmd, input=code + "\nprint('PA-SHELL-OK')\n", text=True, capture_output=True)
    logfile.parent.mkdir(parents=True, exist_ok=True)
    logfile.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0 or "PA-SHELL-OK" not in proc.stdout:
        raise Fail(f"odoo shell failed on database {db} (log: {logfile}):\n{(proc.stderr or proc.stdout)[-3000:]}")
    return proc.stdout


def drop_database(conf, db):
    proc = subprocess.run(odoo_cmd("db", "-c", str(conf), "drop", db), capture_output=True, text=True)
    if proc.returncode != 0:
        warn(f"could not drop database {db}: {(proc.stderr or proc.stdout).strip()[-500:]}")
        return False
    return True


def wait_http(url, proc=None, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    return False


def stop_process(proc, timeout=30):
    """SIGTERM, then SIGKILL after `timeout` seconds, to `proc` and its process group."""
    if proc is None:
        return

    def signal_group(sig):
        try:
            os.killpg(proc.pid, sig)  # started with start_new_session: pgid == pid
        except (ProcessLookupError, PermissionError):
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(sig)

    if proc.poll() is None:
        signal_group(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            signal_group(signal.SIGKILL)
            proc.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # leftovers of the group (wkhtmltopdf, chrome)


def module_states(pg, db, modules):
    rows = pg.query("SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", (list(modules),), dbname=db)
    states = dict(rows)
    return {m: states.get(m, "absent") for m in modules}


# ------------------------------------------------------------------------- run


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

TEST_DB_LANGUAGES = """
env["res.lang"]._activate_lang("en_US")
# As in Odoo's own test databases, English is the default and every record starts in it; tests
# that need Vietnamese (installed beside it) ask for it.
env["ir.default"].set("res.partner", "lang", "en_US")
env["res.partner"].with_context(active_test=False).search([("lang", "!=", "en_US")]).write({"lang": "en_US"})
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


def own_server_pid():
    try:
        pid = int(RUN_PIDFILE.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"odoo" in cmdline else None


def choose_http_port():
    """ODOO_PORT or odoo.conf's http_port (8069); another free port if that one is taken."""
    wanted = os.environ.get("ODOO_PORT")
    port = int(wanted or _conf_value(read_odoo_conf(), "http_port") or 8069)
    if port_free(port):
        return port
    if wanted:
        raise Fail(
            f"port {port} (ODOO_PORT) is already taken by another program; choose another one,"
            " e.g. make run ODOO_PORT=8070"
        )
    new_port = find_free_port(port + 1)
    say(f"    port {port} is already taken by another program; using port {new_port} instead")
    return new_port


def cmd_run(_args):
    step("Checking Odoo 18.0")
    info = check_odoo()
    say(f"    Odoo {info['version']} in {info['root']}")
    ensure_requirements()
    try:
        ensure_wkhtmltopdf()
    except Fail as missing:
        say(f"    warning: {missing} The forms print as HTML until then.")
    pid = own_server_pid()
    if pid:
        raise Fail(f"Odoo started by an earlier `make run` is still running (pid {pid}); `make stop` first.")
    port = choose_http_port()
    pg = ensure_postgres()
    conf = write_local_conf(pg, info)
    module_dirs()
    state = demo_state(pg)
    if state != "ready":
        create_demo_database(pg, conf, state)
        port = choose_http_port()  # the creation took minutes: check the port again
    else:
        say(f"    reusing the demo database '{DEMO_DB}' (`make reset` drops it)")
    url = f"http://localhost:{port}"
    logins = demo_logins(pg)
    banner = [
        "",
        "=" * 64,
        f" Odoo 18.0 with the Public Admin Centre suite: {url}",
        f" database: {DEMO_DB}",
        " demo logins (login / password):",
        *[f"   {login} / {pw}   {name}" for login, pw, name in logins],
        " Stop with Ctrl+C; `make stop` also stops the private PostgreSQL.",
        "=" * 64,
        "",
    ]
    cmd = odoo_cmd(
        "-c",
        str(conf),
        "-d",
        DEMO_DB,
        f"--db-filter=^{re.escape(DEMO_DB)}$",
        "--http-port",
        str(port),
        "--pidfile",
        str(RUN_PIDFILE),
        *shlex.split(os.environ.get("ODOO_ARGS", "")),
    )
    step(f"Starting Odoo on {url} (the logins are printed again once it answers)")
    say("\n".join(banner))
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)

    def announce():
        if wait_http(f"http://127.0.0.1:{port}/web/login", proc, timeout=300):
            say("\n".join(banner[:-2] + [f" Odoo is ready: {url}/web/login", "=" * 64, ""]))

    threading.Thread(target=announce, daemon=True).start()

    def forward(signum, _frame):
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signum)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal sends it to Odoo as well
    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGHUP, forward)
    rc = proc.wait()
    RUN_PIDFILE.unlink(missing_ok=True)
    return 0 if rc in (0, -signal.SIGINT, -signal.SIGTERM) else rc


def cmd_stop(_args):
    pid = own_server_pid()
    if pid:
        step(f"Stopping Odoo started by `make run` (pid {pid})")
        os.kill(pid, signal.SIGTERM)
        for _ in range(60):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.5)
        else:
            os.kill(pid, signal.SIGKILL)
        RUN_PIDFILE.unlink(missing_ok=True)
    stop_private_postgres()
    return 0


def cmd_reset(_args):
    info = check_odoo()
    pid = own_server_pid()
    if pid:
        cmd_stop_server_only(pid)
    pg = named_server() or private_postgres()
    conf = write_local_conf(pg, info)
    if not pg.database_exists(DEMO_DB):
        say(f"Demo database '{DEMO_DB}' does not exist; the next `make run` creates it.")
        return 0
    step(f"Dropping the demo database '{DEMO_DB}' and its filestore")
    if not drop_database(conf, DEMO_DB):
        return 1
    say("Done: the next `make run` recreates it.")
    return 0


def cmd_bench(_args):
    """Time the hot paths on the demo database (bench/hot_paths.py; rolled back)."""
    info = check_odoo()
    pg = ensure_postgres()
    conf = write_local_conf(pg, info)
    if demo_state(pg) != "ready":
        raise Fail(f"the demo database '{DEMO_DB}' is not ready: run `make run` once first")
    code = (REPO / "bench" / "hot_paths.py").read_text(encoding="utf-8")
    output = odoo_shell(conf, DEMO_DB, code, LOG_DIR / "bench.log")
    say(output.replace("PA-SHELL-OK", "").strip())
    return 0


def cmd_stop_server_only(pid):
    step(f"Stopping Odoo started by `make run` (pid {pid})")
    os.kill(pid, signal.SIGTERM)
    for _ in range(60):
        if not Path(f"/proc/{pid}").exists():
            break
        time.sleep(0.5)
    RUN_PIDFILE.unlink(missing_ok=True)


# ------------------------------------------------------------------------ test


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


def log_errors(path):
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        rec = parse_log_line(line)
        if rec and rec["level"] in ("ERROR", "CRITICAL"):
            out.append(line)
    return out


def apt_install(packages, why):
    """Install Debian packages when running as root; False when that is not possible here."""
    if not (is_root() and shutil.which("apt-get")):
        return False
    step(f"Installing {', '.join(packages)} (Debian) {why}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], env=env, check=False)
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages], env=env, check=False)
    return True


def ensure_wkhtmltopdf():
    """The standard forms print through wkhtmltopdf; one test renders a real PDF."""
    if shutil.which("wkhtmltopdf"):
        return
    apt_install(["wkhtmltopdf", "fonts-dejavu-core"], "to print the standard forms as PDF")
    if not shutil.which("wkhtmltopdf"):
        raise Fail(
            "wkhtmltopdf is required to print the standard forms and was not found.\n"
            "Install it, e.g. on Debian/Ubuntu: sudo apt-get install wkhtmltopdf (run `make test`\n"
            "as root and it is installed automatically)."
        )


def ensure_chromium():
    names = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if not found:
        apt_install(["chromium"], "for the browser tests")
        found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if not found:
        raise Fail(
            "Chromium (or Google Chrome) is required by the browser tests and was not found.\n"
            "Install it, e.g. on Debian/Ubuntu: sudo apt-get install chromium (run `make test`\n"
            "as root and it is installed automatically)."
        )
    proc = subprocess.run([PYTHON, "-c", "import websocket"], capture_output=True)
    if proc.returncode != 0:
        raise Fail("the Python package websocket-client is not importable (pip install websocket-client)")
    return found


class Counter:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.lines = []

    def add(self, name, passed, failed, note=""):
        self.passed += passed
        self.failed += failed
        self.lines.append(f"  {name:<30} {passed:>4} passed {failed:>4} failed  {note}".rstrip())


# oca-checks-odoo-module checks left out: OCA-only conventions (Weblate component names,
# README.rst generated from readme/), and the formatting rules that OCA enforces with
# prettier (XML declaration spelling, attribute order), which are no errors.
OCA_MODULE_CHECKS_DISABLED = (
    "weblate-component-too-long",
    "prefer-readme-rst",
    "xml-header-missing",
    "xml-header-wrong",
    "xml-tag-position",
)


def run_lint(counter):
    """Each lint tool counts as one test."""
    dirs = [str(p) for p in module_dirs()]
    targets = ["addons"] if not EXTRA_ADDONS else dirs
    po_files = [str(p) for d in dirs for p in sorted(Path(d).glob("i18n/*.po*"))]
    checks = [
        ("lint: ruff", [PYTHON, "-m", "ruff", "check", "--no-fix", *targets, "tests", "scripts"]),
        ("lint: pylint-odoo", [PYTHON, "-m", "pylint", "--rcfile", str(REPO / ".pylintrc"), *dirs]),
        (
            "lint: xml/csv/manifest",
            [
                script("oca-checks-odoo-module"),
                f"--disable={','.join(OCA_MODULE_CHECKS_DISABLED)}",
                *dirs,
            ],
        ),
    ]
    if po_files:
        checks.append(("lint: po files", [script("oca-checks-po"), "--disable=po-pretty-format", *po_files]))
    else:
        counter.add("lint: po files", 1, 0, "(no .po file yet)")
    for name, cmd in checks:
        step(name)
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode == 0:
            counter.add(name, 1, 0)
        else:
            say("\n".join("    " + line for line in output.splitlines()[-80:]))
            counter.add(name, 0, 1, f"(exit code {proc.returncode})")


def script(name):
    """A console script installed next to $PYTHON (virtualenv), else on PATH."""
    beside = Path(PYTHON).parent / name
    return str(beside) if beside.is_file() else (shutil.which(name) or name)


def cmd_lint(_args):
    step("Checking Odoo 18.0")
    check_odoo()
    ensure_requirements()
    counter = Counter()
    run_lint(counter)
    say("\n".join(counter.lines))
    say(f"{counter.passed} passed, {counter.failed} failed")
    return 0 if counter.failed == 0 else 1


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
        deps = suite_dependencies()
        step(f"[1/3] database {self.db}: dependencies without demo data: {','.join(deps)}")
        t1, log = time.time(), self.logs / "1-dependencies.log"
        args = self.odoo(
            "-i", ",".join(deps), "--without-demo=all", "--load-language", DEMO_LANG, "--stop-after-init", "--no-http"
        )
        result = run_odoo(args, log, echo_progress, timeout=self.time_left(600))
        errors = log_errors(log)
        say(f"    done in {time.time() - t1:.0f}s")
        if result.timed_out:
            self.fail("odoo: install dependencies", f"installing the dependencies did not finish in time (log {log})")
            return False
        if result.returncode != 0 or errors:
            self.fail(
                "odoo: install dependencies",
                "installing the dependencies failed (exit code "
                f"{result.returncode}, {len(errors)} ERROR lines; log {log})",
            )
            return False
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


# ------------------------------------------------------------------------ main


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("run", cmd_run, "create (first run) and serve the demo database"),
        ("test", cmd_test, "lint, Odoo tests and pytest on a throwaway database"),
        ("lint", cmd_lint, "lint only"),
        ("stop", cmd_stop, "stop the `make run` server and the private PostgreSQL"),
        ("reset", cmd_reset, "drop the demo database"),
        ("bench", cmd_bench, "time the hot paths on the demo database"),
    ):
        sub.add_parser(name, help=text).set_defaults(func=func)
    args = parser.parse_args(argv)
    os.chdir(REPO)
    try:
        return args.func(args)
    except Fail as exc:
        print(f"\nERROR: {exc}", file=sys.stderr, flush=True)
        if args.command == "test":
            print("0 passed, 1 failed", flush=True)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
