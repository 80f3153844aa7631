"""Benchmark of the public catalogue at the scale of a province, run on demand.

    python3 -m odoo shell -c .local/odoo-local.conf -d public_admin_demo --no-http \\
        < bench/catalogue_search.py

On the demo database (55 published procedures): everything happens in one transaction that is
rolled back. The public catalogue's pages are requested through Odoo's own WSGI application, in
this process and on this transaction (as HttpCase does), so that they see what the benchmark
adds: first with the catalogue as it is, then after importing the national database's shared
sample (``tests/data/tthc_sample_clean.json``, 197 procedures) again and again under other codes
until 3,000 procedures are published. Timings vary with the machine, so each one is printed as
a ratio to a baseline measured in the same run (creating and writing plain res.partner
records), and the 3,000-procedure timings as a ratio to the 55-procedure ones.
"""

import json
import statistics
import time

from werkzeug.test import Client

import odoo
from odoo.tools import file_open

SAMPLE = "public_admin_centre/tests/data/tthc_sample_clean.json"
TARGET = 3000
REPEAT = 15
N_BASELINE = 200
LEVELS = ("central", "province", "district", "commune", "other")


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def published_count(env):
    return env["public_admin.procedure"].search_count([("is_published", "=", True), ("is_current", "=", True)])


def pages(env):
    """The requests of a visitor: the list, a word search, a sector, a later page, a procedure."""
    Procedure = env["public_admin.procedure"]
    published = [("is_published", "=", True), ("is_current", "=", True)]
    sector = Procedure._read_group(published, ["sector_id"], ["__count"], order="__count desc", limit=1)[0][0]
    procedure = Procedure.search(published, limit=1, order="id")
    return {
        "list": "/dich-vu-cong",
        "word search": "/dich-vu-cong?search=gi%E1%BA%A5y+ph%C3%A9p",  # "giấy phép"
        "code search": "/dich-vu-cong?search=1.0",
        "sector filter": f"/dich-vu-cong?sector={sector.id}",
        "page 3": "/dich-vu-cong/page/3",
        "procedure page": f"/dich-vu-cong/thu-tuc/{procedure.id}",
    }


def measure(env, client):
    """Median time of each page over REPEAT requests (after one warm-up request)."""
    results = {}
    for label, url in pages(env).items():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        durations = []
        for _i in range(REPEAT):
            env.invalidate_all()
            durations.append(timed(lambda url=url: client.get(url)))
        results[label] = statistics.median(durations)
    return results


def sample_copy(entries, copy):
    """The shared sample under other codes (and the same texts): one more slice of a province."""
    if not copy:
        return entries
    return [dict(entry, code=f"{entry['code']}.{copy:02d}") for entry in entries]


def run(env):
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True, mail_create_nolog=True))
    if published_count(env) < 50:
        raise SystemExit("No demo catalogue: run `make run` once first (55 published procedures).")
    registry = env.registry
    registry.enter_test_mode(env.cr)
    try:
        client = Client(odoo.http.root)
        baseline = timed(
            lambda: [
                env["res.partner"].create({"name": f"Baseline {i}"}).write({"phone": "0"}) for i in range(N_BASELINE)
            ]
        )
        env.flush_all()
        small = published_count(env)
        before = measure(env, client)

        with file_open(SAMPLE, "rb") as sample:
            entries = json.loads(sample.read())
        engine = env["public_admin.catalogue.import"]
        first_import, copy = None, 0
        while published_count(env) < TARGET:
            content = json.dumps(sample_copy(entries, copy), ensure_ascii=False).encode()
            started = time.perf_counter()
            plan = engine._run(content, "tthc_sample_clean.json", levels=LEVELS)
            env.flush_all()
            if first_import is None:
                first_import = (time.perf_counter() - started, plan.counts())
            copy += 1
        large = published_count(env)
        after = measure(env, client)
    finally:
        registry.leave_test_mode()
        env.cr.rollback()

    seconds, counts = first_import
    print(f"baseline: {N_BASELINE} partners created and written in {baseline:.2f} s")
    print(
        f"import of the shared sample ({sum(counts.values())} rows): {seconds:.1f} s "
        f"= {seconds / baseline:.1f} x baseline; {counts}"
    )
    print(f"public catalogue, median of {REPEAT} requests, at {small} and at {large} published procedures:")
    for label in before:
        print(
            f"  {label:15} {before[label] * 1000:6.1f} ms ({before[label] / baseline:.3f} x baseline) -> "
            f"{after[label] * 1000:6.1f} ms ({after[label] / baseline:.3f} x baseline): "
            f"{after[label] / before[label]:.2f} x"
        )


run(env)  # noqa: F821 - `env` is given by odoo shell
