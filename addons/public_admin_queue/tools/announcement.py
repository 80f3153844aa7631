"""The spoken call of the waiting room: its text, and the recorded clips that say it.

Pure Python, no Odoo import. A call says "Mời công dân có số thứ tự <number> đến quầy số
<counter>", numbers read as words by the suite's Vietnamese reading (21 "hai mươi mốt",
105 "một trăm linh năm"), never digit by digit. The display plays the clips of
:func:`announcement_clips` one after another; ``scripts/generate_clips.py`` records them.
"""

import unicodedata

from odoo.addons.l10n_vn_amount_to_text.tools import read_number

PHRASE_CALL = "Mời công dân có số thứ tự"
PHRASE_COUNTER = "đến quầy số"
# The words a number up to 999 999 is read with (the daily sequence of a service stays far below).
NUMBER_WORDS = (
    "không",
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mươi",
    "mốt",
    "tư",
    "lăm",
    "trăm",
    "linh",
    "nghìn",
)
CHIME = "chime"


def clip_name(words):
    """File name (without extension) of the clip of ``words``: ASCII, e.g. "muoi", "muoi_2"."""
    # mười and mươi, một and mốt differ only by their marks: keep them apart with the tone's digit.
    decomposed = unicodedata.normalize("NFD", words.lower()).replace("đ", "d")
    tones = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
    parts = []
    for word in decomposed.split():
        tone = next((digit for mark, digit in tones.items() if mark in word), "")
        ascii_word = "".join(c for c in word if c.isascii() and c.isalnum())
        parts.append(ascii_word + tone)
    return "_".join(parts)


PHRASE_CLIPS = {PHRASE_CALL: "call", PHRASE_COUNTER: "counter"}


def announcement_text(number, counter_number):
    """The sentence of a call: "Mời công dân có số thứ tự bốn mươi hai đến quầy số ba"."""
    return f"{PHRASE_CALL} {read_number(int(number))} {PHRASE_COUNTER} {read_number(int(counter_number))}"


def announcement_clips(number, counter_number):
    """The clips that say :func:`announcement_text`, in order, chime first."""
    clips = [CHIME, PHRASE_CLIPS[PHRASE_CALL]]
    clips += [clip_name(word) for word in read_number(int(number)).split()]
    clips.append(PHRASE_CLIPS[PHRASE_COUNTER])
    clips += [clip_name(word) for word in read_number(int(counter_number)).split()]
    return clips


def all_clips():
    """Every clip a call may need: {name: words to say} (the chime is a tone, not words)."""
    clips = {name: phrase for phrase, name in PHRASE_CLIPS.items()}
    clips.update({clip_name(word): word for word in NUMBER_WORDS})
    return clips
