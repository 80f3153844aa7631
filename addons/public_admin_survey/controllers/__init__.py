from . import complaint
from . import complaint_portal
from . import evaluation
from . import kiosk
