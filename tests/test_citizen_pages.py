"""What a citizen reaches without logging in, on the running server: the catalogue and the status lookup."""

import re
import uuid

import pytest
import requests


@pytest.fixture(scope="module")
def received_dossier(admin):
    """A published procedure and a dossier received for it, made through JSON-RPC as the admin."""
    suffix = uuid.uuid4().hex[:6]
    calendar_id = admin.execute(
        "ir.model.data",
        "search_read",
        [("module", "=", "public_admin_centre"), ("name", "=", "resource_calendar_public_admin")],
        fields=["res_id"],
    )[0]["res_id"]
    centre_id = admin.execute(
        "public_admin.agency",
        "create",
        {
            "name": "Trung tâm Phục vụ hành chính công",
            "code": f"000.00.{suffix[:2]}.E2E",
            "is_reception_centre": True,
            "calendar_id": calendar_id,
        },
    )
    procedure_name = f"Cấp phép thử nghiệm đầu cuối {suffix}"
    procedure_id = admin.execute(
        "public_admin.procedure",
        "create",
        {
            "code": f"9.{suffix}",
            "name": procedure_name,
            "agency_id": centre_id,
            "processing_time_text": "5 ngày làm việc",
            "online_level": "partial",
            "is_published": True,
            "date_effective_from": "2020-01-01",
            "document_ids": [(0, 0, {"name": "Đơn đề nghị", "copies": 1, "copy_type": "original"})],
        },
    )
    partner_id = admin.execute("res.partner", "create", {"name": "Trần Thị Bình", "mobile": "0987654321"})
    dossier_id = admin.execute(
        "public_admin.dossier",
        "create",
        {
            "procedure_id": procedure_id,
            "partner_id": partner_id,
            "receiving_agency_id": centre_id,
        },
    )
    document_ids = admin.execute("public_admin.dossier", "read", [dossier_id], ["document_ids"])[0]["document_ids"]
    admin.execute("public_admin.dossier.document", "write", document_ids, {"is_received": True})
    admin.execute("public_admin.dossier", "action_receive", [dossier_id])
    dossier = admin.execute("public_admin.dossier", "read", [dossier_id], ["name", "lookup_token", "state"])[0]
    assert dossier["state"] == "received"
    return {"procedure_id": procedure_id, "procedure_name": procedure_name, **dossier}


def test_catalogue_finds_the_published_procedure(odoo_url, received_dossier):
    response = requests.get(
        f"{odoo_url}/dich-vu-cong", params={"search": received_dossier["procedure_name"]}, timeout=60
    )
    assert response.status_code == 200
    assert received_dossier["procedure_name"] in response.text
    page = requests.get(f"{odoo_url}/dich-vu-cong/thu-tuc/{received_dossier['procedure_id']}", timeout=60)
    assert page.status_code == 200
    assert "Đơn đề nghị" in page.text, "the checklist is on the procedure page"


def test_unknown_procedure_page_is_not_found(odoo_url):
    assert requests.get(f"{odoo_url}/dich-vu-cong/thu-tuc/987654321", timeout=60).status_code == 404


def test_status_page_from_the_receipt_link_masks_the_applicant(odoo_url, received_dossier):
    response = requests.get(f"{odoo_url}/tra-cuu-ho-so/{received_dossier['lookup_token']}", timeout=60)
    assert response.status_code == 200
    assert received_dossier["name"] in response.text
    assert "T. T. Bình" in response.text, "the name is reduced to initials"
    assert "Trần Thị Bình" not in response.text
    assert "0987654321" not in response.text and "+84987654321" not in response.text


CSRF_TOKEN_RE = re.compile(r"[0-9a-f]{40}o[0-9]+")


def test_lookup_gives_one_neutral_answer_to_wrong_inputs(odoo_url, received_dossier):
    session = requests.Session()
    form = session.get(f"{odoo_url}/tra-cuu-ho-so", timeout=60)
    assert form.status_code == 200
    token = re.search(r'name="csrf_token"\s+value="([^"]+)"', form.text).group(1)

    def lookup(code, digits):
        return session.post(
            f"{odoo_url}/tra-cuu-ho-so",
            data={"csrf_token": token, "code": code, "phone_digits": digits},
            timeout=60,
        )

    right = lookup(received_dossier["name"], "4321")
    assert right.status_code == 200 and received_dossier["name"] in right.text
    wrong_digits = lookup(received_dossier["name"], "1111")
    unknown_code = lookup("000.00.00.E2E-991231-9999", "4321")
    unknown_link = session.get(f"{odoo_url}/tra-cuu-ho-so/{uuid.uuid4().hex}", timeout=60)
    assert wrong_digits.status_code == unknown_code.status_code == unknown_link.status_code == 404
    for miss in (wrong_digits, unknown_code, unknown_link):
        # The form echoes the code the visitor typed, nothing of the dossier behind it.
        assert "T. T. Bình" not in miss.text
        assert received_dossier["procedure_name"] not in miss.text

    def without_echo(response, code):
        # CSRF tokens (in the form and in the page's script) carry their expiry second: two
        # pages rendered a second apart differ there, so they are left out of the comparison.
        return CSRF_TOKEN_RE.sub("", response.text).replace(code, "")

    assert without_echo(wrong_digits, received_dossier["name"]) == without_echo(
        unknown_code, "000.00.00.E2E-991231-9999"
    ), "a wrong second factor and an unknown code give the same page"
