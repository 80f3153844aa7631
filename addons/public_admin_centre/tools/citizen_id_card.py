"""Reading the QR code of a Vietnamese chip-based citizen ID card (căn cước công dân / căn cước).

Counter scanners type the QR code as keystrokes. Its fields are separated by ``|``::

    038088012345|172345678|Nguyễn Văn An|15031988|Nam|Số 12 Lê Hoàn, Phường Hạc Thành, Thanh Hóa|10082021

12-digit ID number, former 9-digit ID number (may be empty), full name, date of birth
(``ddmmyyyy``), sex (``Nam``/``Nữ``), permanent address, issue date (``ddmmyyyy``). Newer cards
may add fields after these: they are ignored.

Pure functions, no Odoo environment: the caller turns :class:`IdCardScanError` into a message in
the user's language from its ``code`` (see ``res.partner._public_admin_parse_id_card``).
"""

import re
import unicodedata
from datetime import date, datetime

from .identity import is_valid_citizen_id_number

FIELD_COUNT = 7
SEPARATOR = "|"

# Why a scan is refused; the caller has one message per code.
EMPTY = "empty"
URL = "url"
PAYMENT = "payment"
FOREIGN = "foreign"
TRUNCATED = "truncated"
BAD_ID_NUMBER = "bad_id_number"
BAD_DATE = "bad_date"
NO_NAME = "no_name"

# EMVCo merchant-presented QR codes (VietQR, NAPAS 247) open with the payload format
# indicator "000201"; VietQR names the NAPAS application id A000000727.
_PAYMENT_RE = re.compile(r"^000201|A000000727", re.IGNORECASE)
_URL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_GENDERS = {"nam": "male", "nu": "female", "male": "male", "female": "female"}


class IdCardScanError(ValueError):
    """The scanned text is not (all of) an ID card's QR code; ``code`` says why."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


def _strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _parse_date(value, field, is_last=False):
    value = value.strip()
    if is_last and len(value) < 8 and value.isdigit():
        # The last field cut short: the scan stopped early.
        raise IdCardScanError(TRUNCATED, count=FIELD_COUNT - 1)
    try:
        parsed = datetime.strptime(value, "%d%m%Y").date()
    except ValueError:
        raise IdCardScanError(BAD_DATE, value=value, field=field) from None
    if not date(1900, 1, 1) <= parsed <= date.today():
        raise IdCardScanError(BAD_DATE, value=value, field=field)
    return parsed


def _clean_name(name):
    name = " ".join(name.split())
    # Some cards print the name in capitals: keep the usual spelling (“NGUYỄN VĂN AN” -> “Nguyễn Văn An”).
    return name.title() if name.isupper() else name


def parse_citizen_id_qr(text):
    """Read a scanned ID card QR code.

    Returns a dict: ``id_number``, ``former_id_number`` (or ``""``), ``name``, ``birthdate``
    (``date``), ``gender`` (``"male"``, ``"female"`` or ``None``), ``address``, ``issue_date``
    (``date``). Raises :class:`IdCardScanError` on anything else: an empty scan, a web address,
    a bank payment QR code, another barcode, a scan cut short, an invalid ID number or date.
    """
    # Scanners end with Enter or Tab, and may send decomposed accents.
    text = unicodedata.normalize("NFC", (text or "").strip())
    if not text:
        raise IdCardScanError(EMPTY)
    if _URL_RE.match(text):
        raise IdCardScanError(URL)
    if _PAYMENT_RE.search(text):
        raise IdCardScanError(PAYMENT)
    fields = [part.strip() for part in text.split(SEPARATOR)]
    if len(fields) == 1 or not fields[0].isdigit():
        raise IdCardScanError(FOREIGN)
    if len(fields) < FIELD_COUNT or not fields[6]:
        # The scan stopped early (the card moved, or the scanner's buffer was full).
        raise IdCardScanError(TRUNCATED, count=len(fields))
    id_number, former_id_number, name, birthdate, gender, address, issue_date = fields[:FIELD_COUNT]
    if not is_valid_citizen_id_number(id_number):
        raise IdCardScanError(BAD_ID_NUMBER, number=id_number)
    if former_id_number and not (former_id_number.isdigit() and len(former_id_number) in (9, 12)):
        raise IdCardScanError(FOREIGN)
    name = _clean_name(name)
    if not name:
        raise IdCardScanError(NO_NAME)
    return {
        "id_number": id_number,
        "former_id_number": former_id_number,
        "name": name,
        "birthdate": _parse_date(birthdate, "birthdate"),
        "gender": _GENDERS.get(_strip_accents(gender).lower()),
        "address": " ".join(address.split()),
        "issue_date": _parse_date(issue_date, "issue_date", is_last=len(fields) == FIELD_COUNT),
    }


def normalize_person_name(name):
    """“Nguyễn  Văn An” and “nguyen van an” compare equal: no accents, lower case, single spaces."""
    return " ".join(_strip_accents(name or "").lower().split())
