from .identity import normalize_vietnamese_phone, is_valid_citizen_id_number, mask_id_number, mask_phone, mask_name
