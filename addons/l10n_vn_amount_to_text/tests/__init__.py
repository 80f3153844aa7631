from . import test_amount_to_text
