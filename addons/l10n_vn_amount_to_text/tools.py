"""Vietnamese reading of whole numbers and of VND amounts, as accountants write them.

Pure Python, no Odoo import: ``from odoo.addons.l10n_vn_amount_to_text.tools import read_number``.

The rules (those of invoices and receipts, which ``num2words(lang="vi")`` does not follow):

- numbers are read by groups of three digits with the scale words nghìn, triệu, tỷ, and then
  nghìn tỷ, triệu tỷ, tỷ tỷ for larger ones; a group of zeros is not read;
- every group after the first is read in full: 2 015 is "hai nghìn không trăm mười lăm",
  1 015 000 "một triệu không trăm mười lăm nghìn";
- a zero tens before a unit is "linh" (or "lẻ", as chosen): 105 "một trăm linh năm";
- 10–19 are "mười …", 20–99 "… mươi …";
- a final 1 after "mươi" is "mốt" (21 "hai mươi mốt"), a final 5 after "mười"/"mươi" is "lăm"
  (15 "mười lăm", 25 "hai mươi lăm"), a final 4 after "mươi" is "tư" (24 "hai mươi tư").
"""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")


def _read_group(number, full, zero_tens):
    """Words of a group of three digits (1–999); ``full`` reads a zero hundreds."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4:
        words.append("tư" if tens > 1 else "bốn")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _scale_words(index):
    """Scale of the group ``index`` (0 = units): nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ, tỷ tỷ…"""
    billions, small = divmod(index, 3)
    words = [SCALES[small]] if small else []
    return words + ["tỷ"] * billions


def read_number(number, zero_tens="linh"):
    """Vietnamese words of a whole number, lower case: 2015 → "hai nghìn không trăm mười lăm"."""
    if isinstance(number, bool) or not isinstance(number, int):
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        else:
            raise ValueError(f"Only whole numbers are read, not {number!r}.")
    if zero_tens not in ("linh", "lẻ"):
        raise ValueError("A zero tens is read “linh” or “lẻ”.")
    if number < 0:
        return "âm " + read_number(-number, zero_tens)
    if number == 0:
        return DIGITS[0]
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _read_group(group, full=bool(words), zero_tens=zero_tens)
        words += _scale_words(index)
    return " ".join(words)


def amount_to_words_vnd(amount, zero_tens="linh"):
    """The amount in words of a receipt, sentence case: "Hai nghìn không trăm mười lăm đồng".

    VND has no subunit in use: the amount must be a whole number of đồng and not negative.
    """
    if isinstance(amount, float):
        if not amount.is_integer():
            raise ValueError(f"An amount in VND has no decimals: {amount!r}.")
        amount = int(amount)
    if amount < 0:
        raise ValueError(f"A negative amount cannot be written on a receipt: {amount!r}.")
    text = read_number(amount, zero_tens) + " đồng"
    return text[0].upper() + text[1:]
