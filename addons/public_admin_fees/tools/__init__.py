from .amounts import round_vnd, check_vnd_amount
from .fee_text import parse_fee_text
from .transfer_note import transfer_note, transfer_key
