from . import import_catalogue
