"""Paths of the repository and of .local/, and the environment knobs of the commands.

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

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
LOCAL = REPO / ".local"
ODOO_CONF = REPO / "odoo.conf"
LOCAL_CONF = LOCAL / "odoo-local.conf"
DATA_DIR = LOCAL / "data"
LOG_DIR = LOCAL / "logs"
RUN_PIDFILE = LOCAL / "odoo-run.pid"
# The private PostgreSQL cluster is in .local/postgres, or as root under ROOT_CLUSTERS_DIR
# (see postgres.Cluster).
ROOT_CLUSTERS_DIR = Path("/var/lib/public-admin-centre")
PG_PASSWORD_FILE = LOCAL / "postgres-password"
PG_ROLE = "odoo"
PG_OS_USER_DEFAULT = "odoo-pg"
REQUIREMENTS = REPO / "requirements.txt"
LAUNCHER = REPO / "scripts" / "odoo_launcher.py"  # starts every Odoo process (see its docstring)
# Odoo addons published as wheels (`odoo-addon-*` lines of requirements.txt) are installed
# here, never into the interpreter; OCA_ADDONS_DIR goes on the addons_path.
OCA_ADDON_PREFIX = "odoo-addon-"
OCA_DIR = LOCAL / "oca-addons"
OCA_ADDONS_DIR = OCA_DIR / "odoo" / "addons"

PYTHON = sys.executable or "python3"
DEMO_DB = os.environ.get("DEMO_DB", "public_admin_demo")
DEFAULT_MODULES = (
    "sms_http_gateway,l10n_vn_amount_to_text,public_admin_centre,"
    "public_admin_fees,public_admin_survey,public_admin_queue"
)
MODULES = [m.strip() for m in os.environ.get("SUITE_MODULES", DEFAULT_MODULES).split(",") if m.strip()]
EXTRA_ADDONS = [p for p in os.environ.get("EXTRA_ADDONS_PATH", "").split(",") if p.strip()]
DEMO_LANG = "vi_VN"
DEMO_TZ = "Asia/Ho_Chi_Minh"
READY_PARAM = "public_admin_dev.demo_ready"
AUTHOR = "Public Admin Centre Suite contributors"
ODOO_DOC = "https://www.odoo.com/documentation/18.0/administration/on_premise/source.html"


def is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0
