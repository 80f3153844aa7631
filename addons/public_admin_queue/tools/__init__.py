from . import announcement
