"""Portal and public pages of the centre.

- ``catalogue.py``: the public catalogue of procedures (``/dich-vu-cong``), no login;
- ``status.py``: the public status lookup (``/tra-cuu-ho-so``), no login, by code and a
  second factor or by the unguessable link of the receipt's QR code;
- ``portal.py``: "My dossiers" of logged-in citizens and businesses, online submission,
  supplements and withdrawal.

Routes are ``website=True``: that is Odoo's flag for frontend pages (language from the
visitor's cookie, ``portal.frontend_layout`` helpers) and needs no ``website`` module.
"""

from odoo.http import request

# Pages showing a dossier must not be kept by browsers or proxies, nor leak their URL.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
}


def read_uploads(storages, max_bytes):
    """``[(filename, data)]`` of the files of a multipart field, empty inputs skipped.

    At most ``max_bytes + 1`` bytes are read from each file: enough for the size check to
    refuse it without holding a huge upload in memory.
    """
    files = []
    for storage in storages:
        if storage is None or not storage.filename:
            continue
        files.append((storage.filename, storage.read(max_bytes + 1)))
    return files


def client_address():
    return request.httprequest.remote_addr or ""
