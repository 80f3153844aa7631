from . import cli, controllers, models, demo, wizards, report
