from .checklist import conditional_clause
from .citizen_id_card import IdCardScanError, normalize_person_name, parse_citizen_id_qr
from .identity import (
    is_valid_citizen_id_number,
    looks_like_organisation,
    mask_id_number,
    mask_name,
    mask_phone,
    normalize_vietnamese_phone,
)
