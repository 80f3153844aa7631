from . import controllers, models, demo, wizards, report
