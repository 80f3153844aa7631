"""Read the published fee text of a procedure into fee schedule lines, when it can be read.

The catalogue publishes free text: "Miễn phí", "Không", "50.000 đồng/hồ sơ",
"Lệ phí: 75.000 đồng/giấy phép", "Phí thẩm định: 2.000 đồng/trang", "Không có thông tin",
or long paragraphs with cases. Only the plain ones are read; anything else is left for review.
"""

import re

FREE_TEXTS = {"mien phi", "khong", "khong thu phi", "khong thu", "mien phi, le phi", "khong co phi, le phi"}
UNKNOWN_TEXTS = {"khong co thong tin", "dang cap nhat", ""}
# One amount, optionally "Phí …:" / "Lệ phí …:" before it and "/unit" after it.
AMOUNT_RE = re.compile(
    r"^(?:(?P<label>(?:le phi|phi)[^:]{0,120}):\s*)?"
    r"(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:d|dong|vnd)\b\s*"
    r"(?:/\s*(?P<unit>[a-z ]{1,30}))?\.?$"
)
# Units of "per …" that count copies or pages rather than the dossier.
QUANTITY_UNITS = {"ban", "trang", "bo", "ban sao", "to", "lan", "nguoi", "thua", "giay"}


def _plain(text):
    from .transfer_note import _ascii  # noqa: PLC0415

    return re.sub(r"\s+", " ", _ascii(text).lower()).strip(" .;")


def parse_fee_text(text):
    """Read a published fee text.

    Returns ``("free", [])``, ``("unknown", [])``, ``("parsed", [line values])`` or
    ``("review", [])``. A line's values: ``name``, ``fee_type``, ``amount``, ``amount_type``
    (``fixed`` or ``quantity``), ``quantity_unit``.
    """
    original = (text or "").strip()
    plain = _plain(original)
    if plain in UNKNOWN_TEXTS:
        return "unknown", []
    if plain in FREE_TEXTS:
        return "free", []
    match = AMOUNT_RE.match(plain)
    if not match:
        return "review", []
    amount = int(re.sub(r"[.,]", "", match["amount"]))
    label_plain = match["label"] or ""
    fee_type = "fee" if label_plain.startswith("phi") else "charge"
    # The label keeps its Vietnamese spelling: cut the original text at the colon.
    name = original.split(":", 1)[0].strip() if match["label"] else ""
    unit = (match["unit"] or "").strip()
    line = {
        "name": name or ("Phí" if fee_type == "fee" else "Lệ phí"),
        "fee_type": fee_type,
        "amount": amount,
        "amount_type": "quantity" if unit in QUANTITY_UNITS else "fixed",
        "quantity_unit": original.rsplit("/", 1)[1].strip(" .") if unit else "",
    }
    return "parsed", [line]
