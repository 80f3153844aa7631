"""`make run`, `make stop` and `make reset`: the development server on the demo database."""

import contextlib
import os
import re
import shlex
import signal
import subprocess
import threading
import time
from pathlib import Path

from .console import Fail, say, step
from .demo import create_demo_database, demo_logins, demo_state
from .network import find_free_port, port_free, wait_http
from .odoo_env import check_odoo, conf_value, module_dirs, odoo_cmd, read_odoo_conf, write_local_conf
from .packages import ensure_requirements, ensure_wkhtmltopdf
from .postgres import ensure_postgres, named_server, private_postgres, stop_private_postgres
from .processes import drop_database
from .settings import DEMO_DB, REPO, RUN_PIDFILE


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
    port = int(wanted or conf_value(read_odoo_conf(), "http_port") or 8069)
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
        f" Reload (code changed, a request stuck): kill -HUP $(cat {RUN_PIDFILE.relative_to(REPO)})",
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
    # Odoo runs in a session of its own: what the terminal sends goes to this process, which
    # passes it on. Ctrl+C stops Odoo (twice: at once); closing the terminal (SIGHUP) stops it
    # too. A SIGHUP sent to Odoo's own pid reloads it in place (same pid, see odoo_launcher.py).
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, start_new_session=True)

    def announce():
        if wait_http(f"http://127.0.0.1:{port}/web/login", proc, timeout=300):
            say("\n".join(banner[:-2] + [f" Odoo is ready: {url}/web/login", "=" * 64, ""]))

    threading.Thread(target=announce, daemon=True).start()

    def forward(signum, _frame):
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM if signum == signal.SIGHUP else signum)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, forward)
    rc = proc.wait()
    RUN_PIDFILE.unlink(missing_ok=True)
    return 0 if rc in (0, -signal.SIGINT, -signal.SIGTERM) else rc


def cmd_stop(_args):
    pid = own_server_pid()
    if pid:
        stop_server(pid)
    stop_private_postgres()
    return 0


def cmd_reset(_args):
    info = check_odoo()
    pid = own_server_pid()
    if pid:
        stop_server(pid)
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


def stop_server(pid):
    """SIGTERM to the server of `make run`, SIGKILL if it is still there after 30 seconds."""
    step(f"Stopping Odoo started by `make run` (pid {pid})")
    os.kill(pid, signal.SIGTERM)
    for _ in range(60):
        if not Path(f"/proc/{pid}").exists():
            break
        time.sleep(0.5)
    else:
        os.kill(pid, signal.SIGKILL)
    RUN_PIDFILE.unlink(missing_ok=True)
