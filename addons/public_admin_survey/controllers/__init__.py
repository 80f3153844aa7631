from . import evaluation
from . import kiosk
