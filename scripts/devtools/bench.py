"""`make bench`: time the hot paths on the demo database (bench/hot_paths.py; rolled back)."""

from .console import Fail, say
from .demo import demo_state
from .odoo_env import check_odoo, write_local_conf
from .postgres import ensure_postgres
from .processes import odoo_shell
from .settings import DEMO_DB, LOG_DIR, REPO


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
