from . import res_currency
