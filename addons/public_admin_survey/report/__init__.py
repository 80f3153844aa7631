from . import public_admin_satisfaction_xlsx
