from .identity import normalize_vietnamese_phone, is_valid_citizen_id_number, mask_id_number, mask_phone, mask_name
from .citizen_id_card import IdCardScanError, normalize_person_name, parse_citizen_id_qr
