from . import public_admin_fee_payment_wizard
from . import public_admin_fee_waiver_wizard
from . import public_admin_fee_receipt_cancel_wizard
from . import public_admin_fee_receipt_usage_wizard
from . import public_admin_fee_report_wizard
from . import account_statement_import
