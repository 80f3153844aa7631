from . import test_procedure_fees
from . import test_translations
