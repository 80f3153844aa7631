"""Query plans of the hot reads, for the README: run in odoo shell on a benchmark database.

    python3 scripts/odoo_launcher.py shell -c .local/odoo-bench.conf -d public_admin_bench_1000000 \\
        --no-http < bench/explain.py

Prints ``EXPLAIN (ANALYZE, BUFFERS)`` of the SQL the ORM builds for the public status lookup,
a citizen's "My dossiers" (record rules included), the overdue cron's batch and a page of the
reminders cron. Read-only.
"""

from odoo import fields
from odoo.tools import SQL


def explain(env, title, model, domain, order=None, limit=None):
    query = model._search(domain, order=order, limit=limit)
    sql = query.select()
    env.cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", sql))
    print(f"\n--- {title}")
    for (line,) in env.cr.fetchall():
        print(line)


def run(env):
    Dossier = env["public_admin.dossier"]
    env.cr.execute("SELECT name FROM public_admin_dossier WHERE name IS NOT NULL ORDER BY id DESC LIMIT 1 OFFSET 500")
    code = env.cr.fetchone()[0]
    explain(
        env,
        "public status lookup (sudo): code or online reference",
        Dossier.sudo(),
        ["|", ("name", "in", [code]), ("online_reference", "in", [code]), ("state", "!=", "draft")],
        limit=5,
    )
    portal = env.ref("public_admin_centre.user_congdan_demo", raise_if_not_found=False) or env["res.users"].search(
        [("share", "=", True)], limit=1
    )
    explain(
        env,
        f"My dossiers of {portal.login} (record rules of a portal user), first page",
        Dossier.with_user(portal),
        [],
        order="date_received desc, id desc",
        limit=10,
    )
    now = fields.Datetime.now()
    explain(
        env,
        "overdue cron: one batch",
        Dossier,
        [("state", "in", ("received", "in_progress")), ("is_overdue", "=", False), ("date_due", "<", now)],
        limit=1000,
    )
    explain(
        env,
        "reminders cron: one page of overdue dossiers",
        Dossier,
        [("state", "in", ("received", "in_progress")), ("is_overdue", "=", True), ("id", ">", 0)],
        order="id",
        limit=1000,
    )
    env.cr.rollback()


run(env)  # noqa: F821 - `env` is given by odoo shell
