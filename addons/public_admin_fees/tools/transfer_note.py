"""The transfer note of a bank transfer, as banks keep it.

Banks keep letters, digits and spaces of a transfer note, upper-case it and cut it (a VietQR note,
EMV tag 62-08, holds 25 characters). The note printed in the VietQR code is the dossier code in
that form, so that what the bank keeps is what was asked: ``000.00.12.H56-251008-0975`` gives
``000 00 12 H56 251008 0975``. To find a dossier in a statement line, both sides are reduced to
their letters and digits (``transfer_key``), which survives the bank's spacing and punctuation,
its upper-casing and the sender's own words around the code.
"""

import re
import unicodedata

NOTE_LENGTH = 25


def _ascii(text):
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def transfer_note(code):
    """The note to print in the VietQR code for ``code``: upper case, letters, digits, spaces."""
    return re.sub(r"[^A-Z0-9]+", " ", _ascii(code).upper()).strip()[:NOTE_LENGTH]


def transfer_key(text):
    """Letters and digits only, upper case: what survives any bank's handling of the note."""
    return re.sub(r"[^A-Z0-9]", "", _ascii(text).upper())
