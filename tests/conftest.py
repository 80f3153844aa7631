"""End-to-end tests against a running Odoo server.

`make test` starts Odoo on a throwaway database and sets:
  ODOO_URL             e.g. http://127.0.0.1:41234
  ODOO_DB              the database
  ODOO_ADMIN_PASSWORD  password of the admin user
  ODOO_MODULES         comma-separated addons of the suite
  ODOO_LANG            the language loaded in the database (vi_VN)
  ODOO_SERVER_PID      pid of the server (tests/test_server.py reloads it)
  ODOO_SERVER_LOG      its log file
To run them by hand against a server of yours, set the same variables and run
`python3 -m pytest tests/`.
"""

import itertools
import os
from pathlib import Path

import pytest
import requests

DEFAULT_MODULES = "sms_http_gateway,l10n_vn_amount_to_text,public_admin_centre,public_admin_fees,public_admin_survey"


class OdooRPC:
    """Minimal JSON-RPC client (/jsonrpc: services common and object)."""

    _ids = itertools.count(1)

    def __init__(self, url, db, login, password):
        self.url, self.db, self.login, self.password = url, db, login, password
        self.uid = self.call("common", "login", db, login, password)

    def call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": {"service": service, "method": method, "args": list(args)},
        }
        response = requests.post(f"{self.url}/jsonrpc", json=payload, timeout=60)
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            data = body["error"].get("data") or {}
            raise RuntimeError(data.get("message") or body["error"].get("message"))
        return body["result"]

    def execute(self, model, method, *args, **kwargs):
        return self.call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


@pytest.fixture(scope="session")
def odoo_url():
    url = os.environ.get("ODOO_URL")
    if not url:
        pytest.fail("ODOO_URL is not set: these tests run against a server started by `make test`", pytrace=False)
    return url.rstrip("/")


@pytest.fixture(scope="session")
def odoo_db():
    db = os.environ.get("ODOO_DB")
    if not db:
        pytest.fail("ODOO_DB is not set: these tests run against a server started by `make test`", pytrace=False)
    return db


@pytest.fixture(scope="session")
def suite_modules():
    return [m for m in os.environ.get("ODOO_MODULES", DEFAULT_MODULES).split(",") if m]


@pytest.fixture(scope="session")
def odoo_lang():
    return os.environ.get("ODOO_LANG", "vi_VN")


@pytest.fixture(scope="session")
def admin(odoo_url, odoo_db):
    rpc = OdooRPC(odoo_url, odoo_db, "admin", os.environ.get("ODOO_ADMIN_PASSWORD", "admin"))
    assert rpc.uid, "admin could not log in through JSON-RPC"
    return rpc


@pytest.fixture(scope="session")
def odoo_server():
    """(pid, log file) of the server, to reload it: set by `make test`, which started it."""
    pid, log = os.environ.get("ODOO_SERVER_PID"), os.environ.get("ODOO_SERVER_LOG")
    if not (pid and log):
        pytest.fail(
            "ODOO_SERVER_PID and ODOO_SERVER_LOG are not set: this test reloads the server started by `make test`",
            pytrace=False,
        )
    return int(pid), Path(log)
