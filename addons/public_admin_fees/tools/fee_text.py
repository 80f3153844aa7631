"""Read the published fee text of a procedure into fee schedule lines, when it can be read.

The national catalogue publishes free text: "Miễn phí", "Miễn phí (Không có)",
"1,000,000 Việt Nam Đồng", "3,500,000 Việt Nam Đồng (/hồ sơ)", "50.000 đồng/hồ sơ",
"Lệ phí: 75.000 đồng/giấy phép", "Phí thẩm định: 2.000 đồng/trang", "Không có thông tin",
"Trực tiếp: Miễn phí; Trực tuyến: Không có thông tin", or paragraphs with cases and dates.
Only one plain amount, or a plain "free", is read; anything else is left for a person to review.
"""

import re

from .transfer_note import _ascii

UNKNOWN_TEXTS = {"khong co thong tin", "dang cap nhat", ""}
FREE_TEXTS = {"mien phi", "khong", "khong thu phi", "khong thu", "khong co"}
AMOUNT = r"(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)"
CURRENCY = r"(?:viet nam dong|vnd|dong|d)"
# "Lệ phí …: 75.000 đồng/giấy phép" or "1,000,000 Việt Nam Đồng (/hồ sơ)"
AMOUNT_RE = re.compile(
    r"^(?:(?P<label>(?:le phi|phi)[^:]{0,120}):\s*)?"
    + AMOUNT
    + r"\s*"
    + CURRENCY
    + r"\b\s*(?:/\s*(?P<unit>[a-z ]{1,30}))?\s*(?:\((?P<note>[^()]*)\))?\.?$"
)
HAS_AMOUNT_RE = re.compile(r"\d[\d.,]*\s*" + CURRENCY + r"\b")
CHANNEL_RE = re.compile(r"^(truc tiep|truc tuyen|dich vu buu chinh)\s*:\s*(.*)$")
# Units of "per …" that count copies or pages rather than the dossier.
QUANTITY_UNITS = {"ban", "trang", "bo", "ban sao", "to", "nguoi", "thua"}


def _plain(text):
    return re.sub(r"\s+", " ", _ascii(text).lower()).strip(" .;")


def _free_or_unknown(plain):
    """'free', 'unknown' or None for one statement (a channel's, or the whole text)."""
    if plain in UNKNOWN_TEXTS:
        return "unknown"
    head, __, rest = plain.partition("(")
    head = head.strip()
    if head in FREE_TEXTS and not HAS_AMOUNT_RE.search(rest):
        return "free"
    if head in UNKNOWN_TEXTS and not rest:
        return "unknown"
    return None


def parse_fee_text(text):
    """Read a published fee text.

    Returns ``("free", [])``, ``("unknown", [])``, ``("parsed", [line values])`` or
    ``("review", [])``. A line's values: ``name``, ``fee_type``, ``amount``, ``amount_type``
    (``fixed`` or ``quantity``), ``quantity_unit``, ``note``.
    """
    original = (text or "").strip()
    plain = _plain(original)
    simple = _free_or_unknown(plain)
    if simple:
        return simple, []
    # "Trực tiếp: Miễn phí; Trực tuyến: Không có thông tin": free when no channel charges
    parts = [CHANNEL_RE.match(part.strip()) for part in plain.split(";")]
    if all(parts):
        answers = {_free_or_unknown(part[2].strip(" .")) for part in parts}
        if answers <= {"free", "unknown"}:
            return ("free" if "free" in answers else "unknown"), []
        return "review", []
    match = AMOUNT_RE.match(plain)
    if not match or (match["note"] and HAS_AMOUNT_RE.search(match["note"])):
        return "review", []
    amount = int(re.sub(r"[.,]", "", match["amount"]))
    fee_type = "fee" if (match["label"] or "").startswith("phi") else "charge"
    # Label, unit and note keep their Vietnamese spelling: cut them out of the original text.
    name = original.split(":", 1)[0].strip() if match["label"] else ""
    unit_plain = (match["unit"] or "").strip()
    unit = original.rsplit("/", 1)[1].split("(")[0].strip(" .)") if unit_plain else ""
    note = original[original.rfind("(") + 1 : original.rfind(")")].strip() if match["note"] else ""
    if note.startswith("/"):  # "(/hồ sơ)": the unit, in brackets
        unit, unit_plain, note = note[1:].strip(), _plain(note[1:]), ""
    line = {
        "name": name or ("Phí" if fee_type == "fee" else "Lệ phí"),
        "fee_type": fee_type,
        "amount": amount,
        "amount_type": "quantity" if unit_plain in QUANTITY_UNITS else "fixed",
        "quantity_unit": unit,
        "note": note,
    }
    return "parsed", [line]
