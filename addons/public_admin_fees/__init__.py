from . import controllers
from . import demo
from . import models
from . import report
from . import wizards


def post_init_hook(env):
    """Vietnamese companies get the l10n_vn chart and the counter's journals; the published fee
    texts of the catalogue are read into fee schedules where they can be."""
    env["res.company"].search([])._public_admin_fee_setup()
    procedures = env["public_admin.procedure"].with_context(active_test=False).search([("fee_ids", "=", False)])
    procedures.action_read_fee_text()
    demo_provider = env.ref("payment.payment_provider_demo", raise_if_not_found=False)
    if demo_provider and not env.ref("base.module_public_admin_fees").demo:
        # a real centre does not offer the demo provider to its citizens
        demo_provider.write({"state": "disabled", "is_published": False})
