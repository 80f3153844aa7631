"""Reading the fee text of a procedure as the national portal publishes it.

The portal writes one amount field and a free note per channel, and the two often disagree:
"Miễn phí (Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần…)" says "free" in the amount and
135,000 đồng in the note, "900 VNĐ (Phí thẩm định…: 900.000 đồng/lần)" counts in thousands;
"Trực tiếp: Miễn phí; Trực tuyến: Không có thông tin" repeats itself per channel. Shown as is,
the page contradicts itself. ``read_published_fees`` turns the text into lines a citizen can
read: one per channel only when channels differ, no "Miễn phí" next to an amount, amounts
written the Vietnamese way, channels without information left out.
"""

import re

_CHANNEL = re.compile(r"^\s*(?P<channel>trực tiếp|trực tuyến|dịch vụ bưu chính|bưu chính)\s*:\s*", re.IGNORECASE)
_NO_INFORMATION = re.compile(r"^\s*không có thông tin\s*\.?\s*$", re.IGNORECASE)
_FREE = re.compile(r"^\s*miễn phí\b", re.IGNORECASE)
# No word boundary after the unit: the portal glues texts together ("800,000 Việt Nam ĐồngPhí: …").
_HEAD_AMOUNT = re.compile(r"^\s*(?P<number>\d[\d.,]*)\s*(?:việt nam đồng|vnđ|vnd|đồng|đ\b)\.?", re.IGNORECASE)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:đồng|vnđ|vnd)\b", re.IGNORECASE)
# Notes that only say there is nothing to say.
_EMPTY_NOTE = re.compile(r"^\s*(?:không|không có|không quy định|không thu)\s*\.?\s*$", re.IGNORECASE)


def _vietnamese_amount(number):
    """'10,000,000' or '10.000.000' -> '10.000.000 đồng'; None when it is not a whole number."""
    digits = re.sub(r"[.,]", "", number)
    if not digits.isdigit():
        return None, 0
    value = int(digits)
    return f"{value:,}".replace(",", ".") + " đồng", value


def _split_brackets(text):
    """'A (B (C))' -> ('A', 'B (C)'): the text before the first bracket and what the brackets hold."""
    start = text.find("(")
    if start < 0:
        return text.strip(), ""
    head, inside, depth = text[:start], [], 0
    for char in text[start:]:
        if char == "(":
            depth += 1
            if depth == 1:
                continue
        elif char == ")":
            depth -= 1
            if depth == 0:
                inside.append(" ")
                continue
        inside.append(char)
    note = "".join(inside).strip(" .")
    while note.startswith("(") and note.endswith(")"):
        note = note[1:-1].strip(" .")
    return head.strip(), note


def _read_segment(text):
    """(amount text, note) of one channel's published fee, or None when it says nothing."""
    if not text.strip() or _NO_INFORMATION.match(text):
        return None
    head, note = _split_brackets(text)
    if _EMPTY_NOTE.match(note):
        note = ""
    amount, value, rest = head, None, ""
    match = _HEAD_AMOUNT.match(head)
    if match:
        amount, value = _vietnamese_amount(match.group("number"))
        rest = head[match.end() :].strip(" .:;-")
        if amount is None:
            amount, value, rest = head, None, ""
    elif _FREE.match(head):
        amount, value = "Miễn phí", 0
        rest = head[_FREE.match(head).end() :].strip(" .:;-")
    # "360.000 đồng/hồ sơ", "3,500,000 Việt Nam Đồng (/hồ sơ)": the unit the amount is for.
    if rest.startswith("/"):
        amount, rest = f"{amount}{rest}", ""
    elif note.startswith("/"):
        amount, note = f"{amount}{note}", ""
    if rest:
        note = f"{rest} ({note})" if note else rest
    # "Free", or a token amount, next to a note that states the amount: the note is the fee.
    if value is not None and value < 1000 and _AMOUNT.search(note):
        return note, ""
    return amount, note


def read_published_fees(text):
    """``[(channel, amount text, note)]`` read from a published fee text; ``channel`` is empty
    when every channel pays the same. Unreadable text comes back whole as the amount."""
    text = (text or "").strip()
    if not text:
        return []
    lines = []
    for segment in text.split(";"):
        match = _CHANNEL.match(segment)
        channel = match.group("channel").strip().capitalize() if match else ""
        read = _read_segment(segment[match.end() :] if match else segment)
        if read:
            lines.append((channel, *read))
    if not lines:
        return []
    if len({(amount, note) for _channel, amount, note in lines}) == 1:
        return [("", lines[0][1], lines[0][2])]
    return lines
