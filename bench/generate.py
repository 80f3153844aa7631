"""Fill a benchmark database with the shape three years of real use leave, in bulk SQL.

``generate(env, size)`` writes ``size`` dossiers in every state, spread over the last three
years, with what the workflow leaves behind each of them: their steps (reception, processing,
signature), their documents, their clock stops, their chatter (messages with tracking values of
the state), their followers and, for the open ones, the agency's activity; plus the applicants
(one contact for three dossiers, as citizens come back) and the per-day counters of the codes.

It writes through the ORM's tables with ``INSERT ... SELECT generate_series`` in id ranges
reserved from each table's sequence, so that ids, sequences and foreign keys stay consistent and
the ORM works on the result as on its own data; then ``ANALYZE``. Nothing calls the workflow:
a million receptions one by one would take hours. The agencies, procedures, users and portal
citizens are those of the suite's demo data, installed in the template database.
"""

import time

DAYS = 3 * 365
# Share of dossiers per state, in percent (three years: most are closed).
STATE_SHARES = [
    ("returned", 66),
    ("done", 5),
    ("in_progress", 8),
    ("received", 3),
    ("supplement", 3),
    ("financial", 1),
    ("refused", 3),
    ("withdrawn", 3),
    ("stopped", 1),
    ("registered", 4),
    ("draft", 3),
]
DOCUMENTS_PER_DOSSIER = 3
MESSAGES_PER_DOSSIER = 3


def _state_case():
    """SQL CASE giving the state of dossier number ``g`` by its bucket ``g % 100``."""
    parts, low = [], 0
    for state, share in STATE_SHARES:
        parts.append(f"WHEN g %% 100 < {low + share} THEN '{state}'")
        low += share
    return "CASE " + " ".join(parts) + " END"


def _reserve(cr, table, count):
    """First id of ``count`` ids reserved in ``table``'s sequence."""
    cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 - our own table names
    start = max(cr.fetchone()[0], 0) + 1
    cr.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", (table, start + count))
    return start


def _log(message, t0):
    print(f"    generate: {message} ({time.time() - t0:.0f}s)", flush=True)


def generate(env, size, verbose=True):
    cr = env.cr
    t0 = time.time()
    say = _log if verbose else (lambda *a: None)
    Agency = env["public_admin.agency"]
    centres = Agency.search([("is_reception_centre", "=", True), ("code", "!=", False)])
    procedures = env["public_admin.procedure"].search([("is_current", "=", True), ("agency_id", "!=", False)])
    if not centres or not procedures:
        raise SystemExit("The benchmark template has no agencies or procedures (demo data missing).")
    company = env.company
    admin = env.ref("base.user_admin")
    cr.execute("SET LOCAL synchronous_commit TO off")
    cr.execute("SET LOCAL work_mem TO '128MB'")
    # Foreign keys are not checked row by row (a million dossiers and ten million rows around
    # them: most of the time would go to these lookups): every reference written here is to a
    # row that exists, by construction. Needs a superuser, as the private cluster's role is;
    # otherwise the checks run and generation is only slower.
    cr.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cr.fetchone()[0]:
        cr.execute("SET LOCAL session_replication_role TO replica")
    cr.execute("CREATE TEMP TABLE bench_proc (n int, id int, agency_id int, sector_id int) ON COMMIT DROP")
    cr.executemany(
        "INSERT INTO bench_proc VALUES (%s, %s, %s, %s)",
        [(n, p.id, p.agency_id.id, p.sector_id.id or None) for n, p in enumerate(procedures)],
    )
    cr.execute("CREATE TEMP TABLE bench_centre (n int, id int, code varchar) ON COMMIT DROP")
    cr.executemany("INSERT INTO bench_centre VALUES (%s, %s, %s)", [(n, c.id, c.code) for n, c in enumerate(centres)])
    # Officers of each agency: the holders of open dossiers.
    agencies = Agency.search([])
    holders = {a.id: (a.user_ids - a.head_user_ids)[:1].id or a.user_ids[:1].id or admin.id for a in agencies}
    cr.execute("CREATE TEMP TABLE bench_holder (agency_id int, user_id int) ON COMMIT DROP")
    cr.executemany("INSERT INTO bench_holder VALUES (%s, %s)", list(holders.items()))
    n_proc, n_centre = len(procedures), len(centres)

    # ---------------------------------------------------------------- applicants
    # One contact per three dossiers; the demo's portal citizens own a few dossiers each.
    n_partners = max(size // 3, 1)
    p0 = _reserve(cr, "res_partner", n_partners)
    cr.execute(
        """
        INSERT INTO res_partner (id, name, complete_name, active, type, is_company, lang, tz, phone, mobile,
                                 phone_sanitized, commercial_partner_id, company_id, color,
                                 partner_share, create_uid, write_uid, create_date, write_date,
                                 public_admin_notify_email, public_admin_notify_sms, autopost_bills)
        SELECT %(p0)s + g, 'Công dân ' || g, 'Công dân ' || g, true, 'contact', false, 'vi_VN', 'Asia/Ho_Chi_Minh',
               '09' || lpad((g %% 100000000)::text, 8, '0'), '09' || lpad((g %% 100000000)::text, 8, '0'),
               '+849' || lpad((g %% 100000000)::text, 8, '0'), %(p0)s + g, NULL, 0,
               true, %(uid)s, %(uid)s, now(), now(), true, true, 'ask'
          FROM generate_series(0, %(n)s - 1) g
        """,
        {"p0": p0, "n": n_partners, "uid": admin.id},
    )
    portal_partners = env["res.users"].search([("share", "=", True), ("partner_id.email", "!=", False)]).partner_id
    say(f"{n_partners} applicants", t0)

    # ---------------------------------------------------------------- dossiers
    d0 = _reserve(cr, "public_admin_dossier", size)
    state_case = _state_case()
    cr.execute(
        f"""
        CREATE TEMP TABLE bench_d ON COMMIT DROP AS
        SELECT g, %(d0)s + g AS id, {state_case} AS state,
               date_trunc('day', now() AT TIME ZONE 'UTC') - ((g %% {DAYS}) + 1) * interval '1 day'
                   + interval '1 hour' + ((g::bigint * 7919) %% 600) * interval '1 minute' AS received,
               5000 + g / {DAYS} AS number, g %% {n_proc} AS proc_n, g %% {n_centre} AS centre_n,
               CASE WHEN g %% 50 < {len(portal_partners)} AND g %% 997 = 0 THEN g %% 50 ELSE NULL END AS portal_n
          FROM generate_series(0, %(n)s - 1) g
        """,  # noqa: S608 - literal SQL of this module
        {"d0": d0, "n": size},
    )
    # Open dossiers are recent (received in the last month): a centre closes within weeks.
    # Codes are unique: (day, number) differs for every g; numbers above the demo's (5000+,
    # 10000+ for the open ones) never meet the demo's codes nor today's counter.
    cr.execute(
        """
        UPDATE bench_d SET received = date_trunc('day', now() AT TIME ZONE 'UTC') - ((g % 30) + 1) * interval '1 day'
                                      + interval '1 hour' + ((g::bigint * 7919) % 600) * interval '1 minute',
                           number = 10000 + g / 30
         WHERE state IN ('received', 'in_progress', 'supplement', 'financial', 'registered', 'draft')
        """
    )
    cr.execute("CREATE TEMP TABLE bench_portal (n int, partner_id int) ON COMMIT DROP")
    cr.executemany("INSERT INTO bench_portal VALUES (%s, %s)", list(enumerate(portal_partners.ids)))
    cr.execute("ANALYZE bench_d, bench_proc, bench_centre, bench_holder, bench_portal")
    cr.execute(
        """
        INSERT INTO public_admin_dossier (
            id, name, procedure_id, sector_id, agency_id, receiving_agency_id, company_id, partner_id,
            applicant_name, applicant_phone, phone_sanitized, channel, set_count, state,
            date_registered, date_received, date_due, date_due_initial, date_finished, date_returned,
            date_closed, register_number, current_agency_id, user_id, receiving_user_id,
            is_inter_agency, supplement_count, timeliness, is_overdue, lookup_token, access_token,
            create_uid, write_uid, create_date, write_date)
        SELECT d.id,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL
                    ELSE c.code || '-' || to_char(d.received, 'YYMMDD') || '-' || d.number END,
               p.id, p.sector_id, p.agency_id, c.id, %(company)s, COALESCE(bp.partner_id, %(p0)s + d.g %% %(np)s),
               'Công dân ' || (d.g %% %(np)s), '09' || lpad(((d.g %% %(np)s) %% 100000000)::text, 8, '0'),
               '+849' || lpad(((d.g %% %(np)s) %% 100000000)::text, 8, '0'),
               CASE WHEN d.g %% 5 = 0 THEN 'online' ELSE 'counter' END, 1, d.state,
               CASE WHEN d.g %% 5 = 0 THEN d.received - interval '1 day' END,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL ELSE d.received END,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL ELSE d.received + interval '10 days' END,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL ELSE d.received + interval '10 days' END,
               CASE WHEN d.state IN ('done', 'returned') THEN d.received + ((d.g %% 13) + 1) * interval '1 day' END,
               CASE WHEN d.state = 'returned' THEN d.received + ((d.g %% 13) + 2) * interval '1 day' END,
               CASE WHEN d.state IN ('returned', 'refused', 'withdrawn', 'stopped')
                    THEN d.received + ((d.g %% 13) + 2) * interval '1 day' END,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL ELSE 'SO-' || d.g END,
               CASE WHEN d.state IN ('received', 'in_progress', 'supplement', 'financial') THEN p.agency_id END,
               CASE WHEN d.state IN ('in_progress', 'supplement', 'financial') THEN h.user_id END,
               CASE WHEN d.state IN ('draft', 'registered') THEN NULL ELSE %(uid)s END,
               false, CASE WHEN d.state = 'supplement' THEN 1 ELSE 0 END,
               CASE WHEN d.state IN ('done', 'returned') THEN
                    CASE WHEN d.g %% 13 >= 10 THEN 'late' WHEN d.g %% 13 >= 8 THEN 'on_time' ELSE 'early' END END,
               d.state IN ('received', 'in_progress') AND d.received + interval '10 days' < now() AT TIME ZONE 'UTC',
               md5('bench-token-' || d.g), md5('bench-access-' || d.g),
               %(uid)s, %(uid)s, d.received, d.received
          FROM bench_d d
          JOIN bench_proc p ON p.n = d.proc_n
          JOIN bench_centre c ON c.n = d.centre_n
          LEFT JOIN bench_holder h ON h.agency_id = p.agency_id
          LEFT JOIN bench_portal bp ON bp.n = d.portal_n
        """,
        {"company": company.id, "p0": p0, "np": n_partners, "uid": admin.id},
    )
    cr.execute(
        """
        INSERT INTO public_admin_dossier_agency_rel (dossier_id, agency_id)
        SELECT DISTINCT x.dossier_id, x.agency_id FROM (
            SELECT id AS dossier_id, receiving_agency_id AS agency_id FROM public_admin_dossier
             WHERE id >= %(d0)s AND date_received IS NOT NULL
            UNION ALL
            SELECT id, agency_id FROM public_admin_dossier WHERE id >= %(d0)s AND date_received IS NOT NULL
        ) x
        """,
        {"d0": d0},
    )
    say(f"{size} dossiers", t0)

    # ---------------------------------------------------------------- steps
    # Reception (done), processing, signature: done when the dossier is finished, the
    # processing step current while it is open.
    received = "d.state NOT IN ('draft', 'registered')"
    finished = "d.state IN ('done', 'returned', 'refused', 'withdrawn', 'stopped')"
    s0 = _reserve(cr, "public_admin_dossier_step", 3 * size)
    cr.execute(
        f"""
        INSERT INTO public_admin_dossier_step (
            id, dossier_id, sequence, name, role, agency_id, user_id, handed_by_id, planned_offset_hours,
            date_start, date_accepted, date_deadline, date_done, timeliness,
            create_uid, write_uid, create_date, write_date)
        SELECT %(s0)s + 3 * d.g + k.k, d.id, 10 * (k.k + 1),
               (ARRAY['Tiếp nhận hồ sơ', 'Thẩm định hồ sơ', 'Phê duyệt, ký kết quả'])[k.k + 1],
               (ARRAY['reception', 'officer', 'head'])[k.k + 1],
               CASE WHEN k.k = 0 THEN x.receiving_agency_id ELSE x.agency_id END,
               CASE WHEN k.k = 0 OR {finished} THEN %(uid)s END, %(uid)s, 8.0 * (k.k + 1) * 3,
               d.received + k.k * interval '1 day',
               CASE WHEN k.k = 0 OR {finished} OR d.state <> 'received' THEN d.received + k.k * interval '1 day' END,
               d.received + (k.k + 1) * interval '3 days',
               CASE WHEN k.k = 0 OR {finished} THEN d.received + (k.k + 1) * interval '1 day' END,
               CASE WHEN k.k = 0 OR {finished} THEN 'on_time' END,
               %(uid)s, %(uid)s, d.received, d.received
          FROM bench_d d
          JOIN public_admin_dossier x ON x.id = d.id
          CROSS JOIN (VALUES (0), (1), (2)) k(k)
         WHERE {received}
        """,  # noqa: S608 - literal SQL of this module
        {"s0": s0, "uid": admin.id},
    )
    cr.execute(
        """
        UPDATE public_admin_dossier x SET current_step_id = %(s0)s + 3 * d.g + 1
          FROM bench_d d
         WHERE x.id = d.id AND d.state IN ('received', 'in_progress', 'supplement', 'financial')
        """,
        {"s0": s0},
    )
    say("steps", t0)

    # ---------------------------------------------------------------- documents
    o0 = _reserve(cr, "public_admin_dossier_document", DOCUMENTS_PER_DOSSIER * size)
    cr.execute(
        f"""
        INSERT INTO public_admin_dossier_document (
            id, dossier_id, name, copies, copy_type, is_required, is_conditional, is_received, date_received,
            create_uid, write_uid, create_date, write_date)
        SELECT %(o0)s + {DOCUMENTS_PER_DOSSIER} * d.g + k.k, d.id,
               (ARRAY['Tờ khai', 'Bản sao giấy tờ tùy thân', 'Giấy tờ chứng minh'])[k.k + 1], 1, 'original',
               k.k < 2, k.k = 2, {received}, CASE WHEN {received} THEN d.received END,
               %(uid)s, %(uid)s, d.received, d.received
          FROM bench_d d CROSS JOIN generate_series(0, {DOCUMENTS_PER_DOSSIER - 1}) k(k)
        """,  # noqa: S608 - literal SQL of this module
        {"o0": o0, "uid": admin.id},
    )
    say("documents", t0)

    # ---------------------------------------------------------------- clock stops
    cr.execute(
        """
        INSERT INTO public_admin_dossier_pause (dossier_id, reason, date_start, date_end, create_uid, write_uid,
                                                create_date, write_date)
        SELECT d.id, CASE WHEN d.state = 'financial' THEN 'financial' ELSE 'supplement' END,
               d.received + interval '2 days',
               CASE WHEN d.state IN ('supplement', 'financial') THEN NULL ELSE d.received + interval '4 days' END,
               %(uid)s, %(uid)s, d.received, d.received
          FROM bench_d d
         WHERE d.state IN ('supplement', 'financial') OR (d.state = 'returned' AND d.g %% 10 = 0)
        """,
        {"uid": admin.id},
    )
    say("clock stops", t0)

    # ---------------------------------------------------------------- chatter
    # Per received dossier: the creation note, the reception (code, appointment, state tracked),
    # the closing (state tracked). Followers: the applicant and the front desk's user.
    subtype_note = env.ref("mail.mt_note").id
    state_field = env["ir.model.fields"]._get("public_admin.dossier", "state").id
    m0 = _reserve(cr, "mail_message", MESSAGES_PER_DOSSIER * size)
    cr.execute(
        f"""
        INSERT INTO mail_message (id, model, res_id, message_type, subtype_id, body, author_id, date,
                                  record_name, create_uid, write_uid, create_date, write_date)
        SELECT %(m0)s + {MESSAGES_PER_DOSSIER} * d.g + k.k, 'public_admin.dossier', d.id,
               'notification', %(note)s,
               CASE k.k WHEN 0 THEN '<p>Hồ sơ được tạo</p>'
                        WHEN 1 THEN '<p>Tiếp nhận hồ sơ, hẹn trả kết quả</p>' ELSE '' END,
               %(author)s, d.received + k.k * interval '1 day', x.name,
               %(uid)s, %(uid)s, d.received + k.k * interval '1 day', d.received + k.k * interval '1 day'
          FROM bench_d d JOIN public_admin_dossier x ON x.id = d.id
          CROSS JOIN generate_series(0, {MESSAGES_PER_DOSSIER - 1}) k(k)
         WHERE k.k = 0 OR (k.k = 1 AND {received}) OR (k.k = 2 AND {finished})
        """,  # noqa: S608 - literal SQL of this module
        {"m0": m0, "note": subtype_note, "author": admin.partner_id.id, "uid": admin.id},
    )
    cr.execute(
        f"""
        INSERT INTO mail_tracking_value (mail_message_id, field_id, old_value_char, new_value_char,
                                         create_uid, write_uid, create_date, write_date)
        SELECT %(m0)s + {MESSAGES_PER_DOSSIER} * d.g + k.k, %(field)s,
               CASE k.k WHEN 1 THEN 'Nháp' ELSE 'Đã tiếp nhận' END,
               CASE k.k WHEN 1 THEN 'Đã tiếp nhận' ELSE d.state END,
               %(uid)s, %(uid)s, d.received, d.received
          FROM bench_d d CROSS JOIN (VALUES (1), (2)) k(k)
         WHERE (k.k = 1 AND {received}) OR (k.k = 2 AND {finished})
        """,  # noqa: S608 - literal SQL of this module
        {"m0": m0, "field": state_field, "uid": admin.id},
    )
    cr.execute(
        """
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'public_admin.dossier', x.id, x.partner_id FROM public_admin_dossier x
         WHERE x.id >= %(d0)s AND x.partner_id IS NOT NULL
        UNION
        SELECT 'public_admin.dossier', x.id, %(partner)s FROM public_admin_dossier x
         WHERE x.id >= %(d0)s AND x.date_received IS NOT NULL
        ON CONFLICT DO NOTHING
        """,
        {"d0": d0, "partner": admin.partner_id.id},
    )
    say("messages, tracking values, followers", t0)

    # ---------------------------------------------------------------- activities of open dossiers
    activity_type = env.ref("public_admin_centre.mail_activity_type_dossier_step")
    model_id = env["ir.model"]._get_id("public_admin.dossier")
    cr.execute(
        """
        INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, summary,
                                   date_deadline, user_id, automated, active, create_uid, write_uid,
                                   create_date, write_date)
        SELECT %(model)s, 'public_admin.dossier', x.id, x.name, %(type)s, 'Thẩm định hồ sơ',
               (x.date_received + interval '6 days')::date, COALESCE(x.user_id, %(uid)s), true, true,
               %(uid)s, %(uid)s, x.date_received, x.date_received
          FROM public_admin_dossier x
         WHERE x.id >= %(d0)s AND x.state IN ('received', 'in_progress')
        """,
        {"model": model_id, "type": activity_type.id, "uid": admin.id, "d0": d0},
    )
    # Today's counters stay as they are: generated codes are of past days.
    cr.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cr.fetchone()[0]:
        cr.execute("SET LOCAL session_replication_role TO origin")
    say("activities", t0)
    env.invalidate_all()
    for table in (
        "res_partner",
        "public_admin_dossier",
        "public_admin_dossier_step",
        "public_admin_dossier_document",
        "public_admin_dossier_pause",
        "public_admin_dossier_agency_rel",
        "mail_message",
        "mail_tracking_value",
        "mail_followers",
        "mail_activity",
    ):
        cr.execute(f"ANALYZE {table}")  # noqa: S608 - our own table names
    say("ANALYZE", t0)
    return time.time() - t0
