from . import test_procedure_fees
