"""Running Odoo commands: tee their log, select what to echo, stop them and what they started."""

import contextlib
import os
import re
import shlex
import signal
import subprocess
import sys
import threading

from .console import Fail, warn
from .odoo_env import odoo_cmd

LOG_RE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) (?P<level>[A-Z?]+) "
    r"(?P<db>\S+) (?P<logger>[^\s:]+): (?P<msg>.*)$"
)


def parse_log_line(line):
    m = LOG_RE.match(line)
    return m.groupdict() if m else None


class OdooRun:
    """Result of run_odoo: exit code, and whether the time limit stopped it."""

    def __init__(self, returncode, timed_out):
        self.returncode, self.timed_out = returncode, timed_out


def run_odoo(args, logfile, echo=None, timeout=None):
    """Run an Odoo command (arguments of odoo-bin); see run_logged."""
    return run_logged(odoo_cmd(*args), logfile, echo, timeout)


def run_logged(cmd, logfile, echo=None, timeout=None):
    """Run a command that logs like Odoo, tee its output to `logfile`, print lines selected by `echo`.

    It runs in its own process group, so that a time limit or an interruption also ends
    what it started (Chromium, wkhtmltopdf).
    """
    logfile.parent.mkdir(parents=True, exist_ok=True)
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


def log_errors(path):
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        rec = parse_log_line(line)
        if rec and rec["level"] in ("ERROR", "CRITICAL"):
            out.append(line)
    return out
