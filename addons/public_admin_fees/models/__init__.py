from . import public_admin_procedure_fee
from . import public_admin_procedure
