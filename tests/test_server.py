"""The server started by `make test` answers, has our addons, speaks Vietnamese, and survives a reload."""

import os
import signal
import time
import uuid
from pathlib import Path

import requests

VIETNAMESE_PASSWORD = "Mật khẩu"  # label of the password field of web.login


def test_login_page_answers(odoo_url):
    response = requests.get(f"{odoo_url}/web/login", timeout=60)
    assert response.status_code == 200
    assert 'name="login"' in response.text
    assert 'name="password"' in response.text


def test_admin_logs_in_through_jsonrpc(admin):
    assert isinstance(admin.uid, int)
    version = admin.call("common", "version")
    assert version["server_serie"] == "18.0"


def test_suite_addons_installed(admin, suite_modules):
    modules = admin.execute(
        "ir.module.module", "search_read", [("name", "in", suite_modules)], fields=["name", "state"]
    )
    states = {m["name"]: m["state"] for m in modules}
    assert states == {name: "installed" for name in suite_modules}


def test_vietnamese_installed(admin, odoo_lang):
    langs = admin.execute("res.lang", "search_read", [("code", "=", odoo_lang)], fields=["active"])
    assert langs and langs[0]["active"], f"{odoo_lang} is not installed"


def _ensure_english_active(admin):
    """--load-language at database creation leaves the loaded language as the only one."""
    english = admin.execute("res.lang", "search", [("code", "=", "en_US"), ("active", "in", [True, False])])
    admin.execute("res.lang", "write", english, {"active": True})


def _vietnamese_user(admin, odoo_lang):
    login = f"vi_user_{uuid.uuid4().hex[:8]}"
    user_id = admin.execute(
        "res.users",
        "create",
        {"name": "Người dùng tiếng Việt", "login": login, "password": login, "lang": odoo_lang},
    )
    return user_id, login


def _login_page(odoo_url, accept_language, cookies=None):
    response = requests.get(
        f"{odoo_url}/web/login", headers={"Accept-Language": accept_language}, cookies=cookies, timeout=60
    )
    assert response.status_code == 200
    return response.text


def test_login_page_in_vietnamese_whatever_the_browser(admin, odoo_url, odoo_lang):
    """The centre's public pages, the login page included, are in Vietnamese whatever the
    browser's language: an English-language phone gets Vietnamese. English is for those who
    choose it with the pages' language switch, which keeps the choice in the frontend_lang cookie.
    """
    _ensure_english_active(admin)
    user_id, _login = _vietnamese_user(admin, odoo_lang)
    user = admin.execute("res.users", "read", [user_id], fields=["lang"])[0]
    assert user["lang"] == odoo_lang

    tag = odoo_lang.replace("_", "-")
    assert VIETNAMESE_PASSWORD in _login_page(odoo_url, f"{tag},vi;q=0.9,en;q=0.5")
    assert VIETNAMESE_PASSWORD in _login_page(odoo_url, "en-US,en;q=0.9")
    english = _login_page(odoo_url, f"{tag},vi;q=0.9", cookies={"frontend_lang": "en_US"})
    assert VIETNAMESE_PASSWORD not in english
    assert "Password" in english


def test_vietnamese_user_session_in_vietnamese(admin, odoo_url, odoo_db, odoo_lang):
    """Once logged in, the Vietnamese user's session and web client use Vietnamese."""
    _user_id, login = _vietnamese_user(admin, odoo_lang)
    session = requests.Session()
    params = {"db": odoo_db, "login": login, "password": login}
    response = session.post(
        f"{odoo_url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "method": "call", "params": params},
        timeout=60,
    )
    result = response.json().get("result")
    assert result and result["uid"], response.text
    assert result["user_context"]["lang"] == odoo_lang
    page = session.get(f"{odoo_url}/odoo", timeout=60)
    assert page.status_code == 200
    assert f'"lang": "{odoo_lang}"' in page.text  # odoo.__session_info__.user_context


def test_server_comes_back_after_a_reload(odoo_url, odoo_server):
    """A reload (SIGHUP; also what Odoo does itself past limit_time_real) restarts the server in place.

    Odoo re-executes sys.executable with sys.argv: the server of `make run` and `make test` is
    started through scripts/odoo_launcher.py so that this works (with `python -m odoo` it dies).
    Kept last in this module: the other tests of the module run before the reload.
    """
    pid, log = odoo_server
    started = "HTTP service (werkzeug) running on"
    before = log.read_text(encoding="utf-8", errors="replace").count(started)
    os.kill(pid, signal.SIGHUP)
    deadline = time.monotonic() + 120
    answer = None
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if text.count(started) > before:
            try:
                answer = requests.get(f"{odoo_url}/web/login", timeout=10)
            except requests.ConnectionError:
                answer = None
            if answer is not None and answer.status_code == 200:
                break
        time.sleep(0.5)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Initiating server reload" in text
    assert text.count(started) > before, "the server did not start again after the reload:\n" + text[-3000:]
    assert answer is not None and answer.status_code == 200, "the reloaded server does not answer /web/login"
    assert Path(f"/proc/{pid}").exists(), "the reloaded server must keep its pid"
