from . import public_admin_evaluation_slip
from . import public_admin_satisfaction_xlsx
