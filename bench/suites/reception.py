"""Reception as the front desk does it, against OCA helpdesk_mgmt's tickets.

Ours: the front desk user (demo ``tiepnhan``) enters a dossier for a known citizen, ticks the
documents handed in and receives it: code, appointment, steps, the agency's activity, tracking,
followers, the applicant's email and SMS queued. One by one (each flushed, as a request is),
and ``count`` at once (create then receive the batch).

Theirs: the same user creates as many helpdesk tickets (tracking on, the same followers), one
by one and in one batch. When helpdesk_mgmt is not installed, the figures measured on this
machine before the suite existed are used instead, labelled as such.

Rows: seconds per record (ratio < 1 means faster than the helpdesk) and SQL queries per record.
"""

import statistics
import time

# helpdesk_mgmt 18.0 measured on this machine before any of the suite's code existed (issue 14).
HELPDESK_FIGURES = {"one": (1 / 130, 13.0), "batch": (1 / 185, 10.0)}


def _front_desk(env):
    user = env.ref("public_admin_centre.user_tiepnhan_demo", raise_if_not_found=False)
    if not user:
        user = env["res.users"].search(
            [("groups_id", "in", env.ref("public_admin_centre.group_front_desk").id)], limit=1
        )
    return user


def _setup(env):
    user = _front_desk(env)
    centre = user.public_admin_agency_ids.filtered("is_reception_centre")[:1] or env["public_admin.agency"].search(
        [("is_reception_centre", "=", True), ("code", "!=", False)], limit=1
    )
    procedures = env["public_admin.procedure"].search(
        [("is_current", "=", True), ("agency_id", "!=", False), ("accepts_counter", "=", True)]
    )
    procedures = procedures.filtered(lambda p: p.step_ids and p.document_ids) or procedures
    applicant = env["res.partner"].create(
        {
            "name": "Nguyễn Văn Bench",
            "mobile": "0912345678",
            "phone": "0912345678",
            "email": "bench.citizen@example.com",
        }
    )
    return user, centre, procedures, applicant


def _dossier_vals(procedure, applicant, centre):
    return {
        "procedure_id": procedure.id,
        "partner_id": applicant.id,
        "receiving_agency_id": centre.id,
        "channel": "counter",
    }


def _receive_one(Dossier, vals):
    dossier = Dossier.create(vals)
    dossier.document_ids.write({"is_received": True})
    dossier.action_receive()
    Dossier.env.flush_all()
    return dossier


def _measure(env, function, count):
    """(seconds per record, queries per record) of ``function`` over ``count`` records."""
    cr = env.cr
    env.flush_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    function()
    env.flush_all()
    elapsed = time.perf_counter() - start
    return elapsed / count, (cr.sql_log_count - queries) / count


def run(env, options):  # noqa: C901 - one measuring script, read top to bottom
    count = int(options.get("reception_count", 200))
    repeat = int(options.get("repeat", 3))
    user, centre, procedures, applicant = _setup(env)
    uenv = env(user=user, su=False)
    Dossier = uenv["public_admin.dossier"]
    has_helpdesk = "helpdesk.ticket" in env
    if has_helpdesk:
        # The front desk works the helpdesk too (rolled back with the rest of the suite).
        user.groups_id = [(4, env.ref("helpdesk_mgmt.group_helpdesk_user").id)]
    vals = [_dossier_vals(procedures[i % len(procedures)], applicant, centre) for i in range(count)]
    # Warm-up: caches (templates, views, sequences) are filled as in a running server.
    for v in vals[:5]:
        _receive_one(Dossier, v)
    follower_partners = _receive_one(Dossier, vals[0]).message_partner_ids
    Ticket = uenv["helpdesk.ticket"] if has_helpdesk else None

    def ticket_vals(i):
        return {
            "name": f"Hồ sơ {i}",
            "description": "<p>Yêu cầu của công dân</p>",
            "partner_id": applicant.id,
            "user_id": user.id,
        }

    def tickets_one():
        for i in range(count):
            ticket = Ticket.create(ticket_vals(i))
            missing = follower_partners - ticket.message_partner_ids
            if missing:
                ticket.message_subscribe(missing.ids)
            env.flush_all()

    def tickets_batch():
        tickets = Ticket.create([ticket_vals(i) for i in range(count)])
        for ticket in tickets:
            missing = follower_partners - ticket.message_partner_ids
            if missing:
                ticket.message_subscribe(missing.ids)

    def dossiers_one():
        for v in vals:
            _receive_one(Dossier, v)

    def dossiers_batch():
        dossiers = Dossier.create(vals)
        dossiers.document_ids.write({"is_received": True})
        dossiers.action_receive()

    if has_helpdesk:
        tickets_one()  # warm-up
    results = {"ours_one": [], "ours_batch": [], "theirs_one": [], "theirs_batch": []}
    for _i in range(repeat):
        results["ours_one"].append(_measure(env, dossiers_one, count))
        results["ours_batch"].append(_measure(env, dossiers_batch, count))
        if has_helpdesk:
            results["theirs_one"].append(_measure(env, tickets_one, count))
            results["theirs_batch"].append(_measure(env, tickets_batch, count))

    def median(key, index):
        return statistics.median(r[index] for r in results[key])

    rows = []
    for mode, label in (("one", "one by one"), ("batch", f"in batches of {count}")):
        ours_s, ours_q = median(f"ours_{mode}", 0), median(f"ours_{mode}", 1)
        if has_helpdesk:
            theirs_s, theirs_q = median(f"theirs_{mode}", 0), median(f"theirs_{mode}", 1)
            baseline = f"helpdesk_mgmt ticket, {label}"
        else:
            theirs_s, theirs_q = HELPDESK_FIGURES[mode]
            baseline = f"helpdesk_mgmt ticket, {label} (figure measured before, not installed)"
        rows.append(
            {
                "measure": f"reception {label} (s per dossier; {1 / ours_s:.0f}/s)",
                "value": ours_s,
                "unit": "s",
                "baseline": f"{baseline} ({1 / theirs_s:.0f}/s)",
                "baseline_value": theirs_s,
                "ratio": ours_s / theirs_s,
            }
        )
        rows.append(
            {
                "measure": f"SQL queries per reception, {label}",
                "value": ours_q,
                "unit": "queries",
                "baseline": f"{baseline}",
                "baseline_value": theirs_q,
                "ratio": ours_q / theirs_q if theirs_q else 0.0,
            }
        )
    rows += _queries_by_checklist(env, uenv, centre, applicant)
    return rows


def _queries_by_checklist(env, uenv, centre, applicant):
    """Queries of one reception for the procedure with the fewest and the most documents and steps."""
    procedures = env["public_admin.procedure"].search(
        [("is_current", "=", True), ("agency_id", "!=", False), ("accepts_counter", "=", True)]
    )
    if len(procedures) < 2:
        return []

    def size(p):
        return len(p.document_ids) + len(p.step_ids)

    small, large = min(procedures, key=size), max(procedures, key=size)
    counts = {}
    Dossier = uenv["public_admin.dossier"]
    for procedure in (small, large):
        _receive_one(Dossier, _dossier_vals(procedure, applicant, centre))  # warm-up
        counts[procedure] = _measure(
            env, lambda p=procedure: _receive_one(Dossier, _dossier_vals(p, applicant, centre)), 1
        )[1]
    return [
        {
            "measure": f"SQL queries per reception, {size(large)} documents+steps",
            "value": counts[large],
            "unit": "queries",
            "baseline": f"same with {size(small)} documents+steps",
            "baseline_value": counts[small],
            "ratio": counts[large] / counts[small] if counts[small] else 0.0,
        }
    ]
