"""The server started by `make test` answers, has our addons, and speaks Vietnamese."""

import uuid

import requests

VIETNAMESE_PASSWORD = "Mật khẩu"  # web.login: "Password"


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


def _vietnamese_user(admin, odoo_lang):
    login = f"vi_user_{uuid.uuid4().hex[:8]}"
    user_id = admin.execute(
        "res.users",
        "create",
        {"name": "Người dùng tiếng Việt", "login": login, "password": login, "lang": odoo_lang},
    )
    return user_id, login


def test_login_page_in_vietnamese_for_vietnamese_user(admin, odoo_url, odoo_lang):
    """A Vietnamese user's browser asks for Vietnamese: the login page is translated."""
    user_id, login = _vietnamese_user(admin, odoo_lang)
    user = admin.execute("res.users", "read", [user_id], fields=["lang"])[0]
    assert user["lang"] == odoo_lang
    language_tag = odoo_lang.replace("_", "-")
    response = requests.get(
        f"{odoo_url}/web/login", headers={"Accept-Language": f"{language_tag},vi;q=0.9"}, timeout=60
    )
    assert response.status_code == 200
    assert VIETNAMESE_PASSWORD in response.text
    # and an English browser still gets English
    english = requests.get(f"{odoo_url}/web/login", headers={"Accept-Language": "en-US"}, timeout=60)
    assert VIETNAMESE_PASSWORD not in english.text


def test_vietnamese_user_session_in_vietnamese(admin, odoo_url, odoo_db, odoo_lang):
    """After logging in, the Vietnamese user's session and web client are in Vietnamese."""
    _user_id, login = _vietnamese_user(admin, odoo_lang)
    session = requests.Session()
    response = session.post(
        f"{odoo_url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "method": "call", "params": {"db": odoo_db, "login": login, "password": login}},
        timeout=60,
    )
    result = response.json().get("result")
    assert result and result["uid"], response.text
    assert result["user_context"]["lang"] == odoo_lang
    page = session.get(f"{odoo_url}/odoo", timeout=60)
    assert page.status_code == 200
    assert f'lang="{odoo_lang.replace("_", "-")}"' in page.text
