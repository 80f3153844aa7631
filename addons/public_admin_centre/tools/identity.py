"""Validation of the identity data Vietnamese applicants give: phone numbers and citizen ID."""

import phonenumbers

# Province codes opening a 12-digit citizen identity number (Circular 07/2016/TT-BCA, Annex).
CITIZEN_ID_PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 "
    "036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 "
    "074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)


def normalize_vietnamese_phone(number):
    """Return the number in E.164 form (+84...), or None when it is not a valid phone number.

    Numbers without a country prefix are read as Vietnamese.
    """
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_valid_citizen_id_number(number):
    """A citizen identity number (CCCD) has 12 digits and opens with a province code."""
    number = (number or "").strip()
    return len(number) == 12 and number.isdigit() and number[:3] in CITIZEN_ID_PROVINCE_CODES


def mask_phone(number):
    """Keep the first three digits of the national form (the network): 0912345678 -> 091•••••••.

    Never any of the last four digits: they are the second factor of the public status lookup,
    and the status page must not give away what it asks for.
    """
    digits = "".join(c for c in number or "" if c.isdigit())
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if len(digits) < 8:
        return ""
    return digits[:3] + "•" * (len(digits) - 3)


def mask_id_number(number):
    """056090001234 -> 056•••••••34: the province code and two digits to tell numbers apart."""
    digits = "".join(c for c in number or "" if c.isdigit())
    if len(digits) < 6:
        return "•" * len(digits)
    return digits[:3] + "•" * (len(digits) - 5) + digits[-2:]


def mask_name(name):
    """Nguyễn Văn An -> N. V. An: the given name stays, the rest is reduced to initials."""
    words = (name or "").split()
    if len(words) <= 1:
        return name or ""
    return " ".join([f"{w[0]}." for w in words[:-1]] + [words[-1]])
