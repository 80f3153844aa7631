from . import controllers, models, wizards, report
