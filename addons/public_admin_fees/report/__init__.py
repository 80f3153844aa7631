from . import public_admin_fee_report
from . import public_admin_fee_report_xlsx
