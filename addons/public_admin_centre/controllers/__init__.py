from . import main
from . import catalogue
from . import status
from . import portal
