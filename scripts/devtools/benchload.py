"""The load part of `make bench`: a production-mode server on the benchmark database, under wrk.

The server runs as in production (scripts/odoo_launcher.py with --workers=2 and
--max-cron-threads=0, on a port of its own) and is stopped afterwards. wrk (Debian package,
installed with apt-get when missing and possible) loads, at 1, 10 and 50 concurrent clients on
loopback: the public status lookup (code and the phone's last four digits, rotating over a
thousand real dossiers), a citizen's "My dossiers" page, and Odoo's /web/health as the
baseline. The server's resident memory (master and workers) is sampled during each run.
"""

import http.cookiejar
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.parse
import urllib.request
from pathlib import Path

from .console import Fail, say, warn
from .network import ephemeral_port, find_free_port, wait_http
from .odoo_env import odoo_cmd
from .packages import apt_install
from .processes import stop_process

CONCURRENCY = (1, 10, 50)
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    apt_install(["wrk"], "for the load benchmark")
    if shutil.which("wrk"):
        return True
    warn(
        "wrk is not installed and could not be (apt-get needs root): the load measurements are skipped.\n"
        "Install it, e.g. on Debian/Ubuntu: sudo apt-get install wrk"
    )
    return False


def start_server(conf, db, logfile):
    port = find_free_port(18069)
    gevent_port = ephemeral_port()
    cmd = odoo_cmd(
        "-c", str(conf), "-d", db, "--db-filter", f"^{db}$", "--http-port", str(port),
        "--gevent-port", str(gevent_port), "--workers=2", "--max-cron-threads=0",
        "--limit-time-real=600", "--limit-time-cpu=300", "--log-level=warn",
    )  # fmt: skip
    logfile.parent.mkdir(parents=True, exist_ok=True)
    log = logfile.open("w", encoding="utf-8")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    if not wait_http(f"http://127.0.0.1:{port}/web/health", proc, timeout=300):
        stop_process(proc)
        raise Fail(f"the benchmark server did not start (log: {logfile})")
    return proc, port


def group_rss_mb(pgid):
    """Resident memory of every process of the group (the server's master and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...
            try:
                for line in (stat.parent / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                continue
    return total / 1024


class MemorySampler(threading.Thread):
    def __init__(self, pgid):
        super().__init__(daemon=True)
        self.pgid, self.peak, self.stopped = pgid, 0.0, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.peak = max(self.peak, group_rss_mb(self.pgid))
            self.stopped.wait(0.25)


def _opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def _session(jar):
    return next((c.value for c in jar if c.name == "session_id"), "")


def public_session(base):
    opener, jar = _opener()
    html = opener.open(f"{base}/tra-cuu-ho-so", timeout=60).read().decode()
    match = CSRF_RE.search(html)
    if not match:
        raise Fail("no CSRF token on /tra-cuu-ho-so")
    return _session(jar), match.group(1)


def portal_session(base, login, password):
    opener, jar = _opener()
    html = opener.open(f"{base}/web/login", timeout=60).read().decode()
    csrf = CSRF_RE.search(html).group(1)
    data = urllib.parse.urlencode({"login": login, "password": password, "csrf_token": csrf}).encode()
    opener.open(f"{base}/web/login", data=data, timeout=60).read()
    page = opener.open(f"{base}/my/dossiers", timeout=60)
    if "/web/login" in page.geturl():
        raise Fail(f"could not log in as {login} on the benchmark server")
    return _session(jar)


def lookup_script(session, csrf, pairs):
    entries = ",\n".join(f'{{"{urllib.parse.quote(code)}", "{digits}"}}' for code, digits in pairs)
    return f"""
local entries = {{
{entries}
}}
local i = math.random(#entries)
request = function()
  i = i % #entries + 1
  local e = entries[i]
  local body = "csrf_token={csrf}&code=" .. e[1] .. "&phone_digits=" .. e[2]
  return wrk.format("POST", "/tra-cuu-ho-so", {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "session_id={session}",
  }}, body)
end
"""


def cookie_script(session):
    return f'wrk.headers["Cookie"] = "session_id={session}"\n'


LAT_RE = re.compile(r"^\s*(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


def run_wrk(url, script, connections, duration):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
        path = fh.name
    threads = min(connections, 2)
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        path,
        url,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    Path(path).unlink(missing_ok=True)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    latencies = {m.group(1): float(m.group(2)) * UNITS[m.group(3)] for m in LAT_RE.finditer(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latencies.get("50", 0.0),
        "p99": latencies.get("99", 0.0),
        "errors": int(errors.group(1)) if errors else 0,
        "raw": out,
    }


def lookup_pairs(pg, db, count=1000):
    rows = pg.query(
        """SELECT name, right(regexp_replace(applicant_phone, '[^0-9]', '', 'g'), 4) FROM public_admin_dossier
            WHERE name IS NOT NULL AND state <> 'draft' AND applicant_phone IS NOT NULL
            ORDER BY md5(id::text) LIMIT %s""",
        (count,),
        dbname=db,
    )
    return [(name, digits) for name, digits in rows if len(digits) == 4]


def run_load(pg, conf, db, logdir, repeat, duration, portal_login=("congdan", "congdan")):
    """Rows of the load measurements (requests/s, p50, p99, peak memory) for db."""
    import statistics  # noqa: PLC0415

    proc, port = start_server(conf, db, logdir / f"server-{db}.log")
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        session, csrf = public_session(base)
        pairs = lookup_pairs(pg, db)
        endpoints = {
            "public status lookup": (f"{base}/tra-cuu-ho-so", lookup_script(session, csrf, pairs)),
            "/web/health": (f"{base}/web/health", ""),
        }
        try:
            portal = portal_session(base, *portal_login)
            endpoints["portal My dossiers"] = (f"{base}/my/dossiers", cookie_script(portal))
        except Fail as exc:
            warn(str(exc))
        # Warm-up of every worker's caches (templates, registry) before measuring.
        for url, script in endpoints.values():
            run_wrk(url, script, 2, 2)
        results = {}
        for connections in CONCURRENCY:
            for label, (url, script) in endpoints.items():
                sampler = MemorySampler(proc.pid)
                sampler.start()
                runs = [run_wrk(url, script, connections, duration) for _i in range(repeat)]
                sampler.stopped.set()
                sampler.join()
                errors = sum(r["errors"] for r in runs)
                if errors:
                    warn(f"{label} at {connections} clients: {errors} answers not 2xx/3xx")
                results[label, connections] = {
                    "rps": statistics.median(r["rps"] for r in runs),
                    "p50": statistics.median(r["p50"] for r in runs),
                    "p99": statistics.median(r["p99"] for r in runs),
                    "mem": sampler.peak,
                    "errors": errors,
                }
                say(
                    f"    load: {label} x{connections}: {results[label, connections]['rps']:.0f} req/s, "
                    f"p99 {results[label, connections]['p99'] * 1000:.0f} ms"
                )
        for connections in CONCURRENCY:
            health = results["/web/health", connections]
            for label in endpoints:
                if label == "/web/health":
                    continue
                mine = results[label, connections]
                note = f", {mine['errors']} errors" if mine["errors"] else ""
                rows += [
                    {
                        "measure": f"{label}, {connections} clients: requests/s{note}",
                        "value": mine["rps"],
                        "unit": "req/s",
                        "baseline": "/web/health, same server and concurrency",
                        "baseline_value": health["rps"],
                        "ratio": mine["rps"] / health["rps"] if health["rps"] else 0.0,
                    },
                    {
                        "measure": f"{label}, {connections} clients: p50 latency",
                        "value": mine["p50"],
                        "unit": "s",
                        "baseline": "/web/health p50",
                        "baseline_value": health["p50"],
                        "ratio": mine["p50"] / health["p50"] if health["p50"] else 0.0,
                    },
                    {
                        "measure": f"{label}, {connections} clients: p99 latency",
                        "value": mine["p99"],
                        "unit": "s",
                        "baseline": "/web/health p99",
                        "baseline_value": health["p99"],
                        "ratio": mine["p99"] / health["p99"] if health["p99"] else 0.0,
                    },
                    {
                        "measure": f"{label}, {connections} clients: server peak memory",
                        "value": mine["mem"],
                        "unit": "MB",
                        "baseline": "/web/health peak memory",
                        "baseline_value": health["mem"],
                        "ratio": mine["mem"] / health["mem"] if health["mem"] else 0.0,
                    },
                ]
    finally:
        stop_process(proc)
    return rows
