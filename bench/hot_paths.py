"""Benchmark of the dossier hot paths, run on demand against the demo database.

    python3 scripts/odoo_launcher.py shell -c .local/odoo-local.conf -d public_admin_demo --no-http \\
        < bench/hot_paths.py          (after `make run` created the demo database)

`make bench` measures at scale against other baselines (README, "Benchmarks").

Run inside `odoo shell`: everything happens in one transaction that is rolled back.
Timings vary with the machine, so each one is printed as a ratio to a baseline measured in
the same run: creating and writing plain res.partner records, the cheapest thing Odoo does.
"""

import random
import time
from datetime import datetime, timedelta

N_DOSSIERS = 200
N_APPOINTMENTS = 2000


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def run(env):
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True, mail_create_nolog=True))
    rng = random.Random(766)
    calendar = env.ref("public_admin_centre.resource_calendar_public_admin")
    engine = env["public_admin.deadline"]
    centre = env["public_admin.agency"].search([("is_reception_centre", "=", True)], limit=1)
    procedures = env["public_admin.procedure"].search([("is_current", "=", True), ("agency_id", "!=", False)])
    if not centre or not procedures:
        raise SystemExit("No demo data: run `make run` once first.")
    applicant = env["res.partner"].create({"name": "Nguyễn Văn Bench", "mobile": "0912345678"})

    baseline = timed(
        lambda: [env["res.partner"].create({"name": f"Baseline {i}"}).write({"phone": "0"}) for i in range(N_DOSSIERS)]
    )

    start = datetime(2026, 1, 5, 0, 0)
    moments = [start + timedelta(minutes=rng.randrange(0, 60 * 24 * 365)) for _ in range(N_APPOINTMENTS)]
    units = ["working_day", "working_hour", "calendar_day", "same_day"]
    appointments = timed(
        lambda: [
            engine.compute_appointment(calendar, moment, rng.choice([1, 5, 15, 30]), rng.choice(units))
            for moment in moments
        ]
    )

    def receive_all():
        for i in range(N_DOSSIERS):
            dossier = env["public_admin.dossier"].create(
                {
                    "procedure_id": procedures[i % len(procedures)].id,
                    "partner_id": applicant.id,
                    "receiving_agency_id": centre.id,
                }
            )
            dossier.document_ids.write({"is_received": True})
            dossier.action_receive()

    # The applicant's notifications are part of reception; the SMS only gets queued.
    reception = timed(receive_all)
    env.flush_all()
    env.cr.rollback()

    print(f"baseline: {N_DOSSIERS} partners created and written in {baseline:.2f} s")
    print(
        f"deadline engine: {N_APPOINTMENTS} appointments = {appointments / baseline:.2f} x baseline "
        f"({appointments / N_APPOINTMENTS * 1000:.2f} ms each)"
    )
    print(
        f"reception: {N_DOSSIERS} dossiers received = {reception / baseline:.2f} x baseline "
        f"({reception / N_DOSSIERS * 1000:.1f} ms each)"
    )


run(env)  # noqa: F821 - `env` is given by odoo shell
