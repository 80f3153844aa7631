from . import test_fee_schedule
from . import test_fee_counter
from . import test_fee_receipts
from . import test_fee_refund
from . import test_fee_vietqr
from . import test_fee_online
from . import test_procedure_fees
from . import test_translations
