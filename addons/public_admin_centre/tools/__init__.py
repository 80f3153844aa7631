from .checklist import conditional_clause
from .identity import (
    is_valid_citizen_id_number,
    looks_like_organisation,
    mask_name,
    mask_phone,
    normalize_vietnamese_phone,
)
