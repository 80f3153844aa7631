"""VND amounts: whole đồng, rounded half up."""

from decimal import ROUND_HALF_UP, Decimal


def round_vnd(amount):
    """Round to the whole đồng, half up (37 500.5 → 37 501), as an int."""
    return int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def check_vnd_amount(amount):
    """True when ``amount`` is a whole, non-negative number of đồng."""
    return amount is not None and amount >= 0 and float(amount).is_integer()
