from . import test_sms_http_gateway
from . import test_res_config_settings
from . import test_translations
