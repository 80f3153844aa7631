from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

SUITE = ("public_admin_centre", "public_admin_fees", "public_admin_survey", "public_admin_queue")


@tagged("post_install", "-at_install")
class TestDemoFunctionsAreCallable(TransactionCase):
    """The test databases are made without demo data, so a demo file the demo database cannot
    load would only show in `make run`. Every ``<function>`` of the suite's demo files must name
    an existing model method that Odoo can call without ids (``@api.model``), as the loader does."""

    def test_every_demo_function_is_a_model_method(self):
        checked = 0
        for module in SUITE:
            if module not in self.env.registry._init_modules:
                continue
            for path in get_manifest(module).get("demo", []):
                if not path.endswith(".xml"):
                    continue
                with file_open(f"{module}/{path}", "rb") as demo_file:
                    tree = etree.parse(demo_file)
                for function in tree.iter("function"):
                    model, name = function.get("model"), function.get("name")
                    with self.subTest(module=module, file=path, function=f"{model}.{name}"):
                        self.assertIn(model, self.env, "the demo calls a model that does not exist")
                        method = getattr(type(self.env[model]), name, None)
                        self.assertTrue(callable(method), "the demo calls a method that does not exist")
                        # Calls that pass ids first (``eval="[[ids], ...]"`` or <value> children)
                        # are record methods; the others are called on the model alone.
                        passes_ids = len(function) or (function.get("eval") or "").replace(" ", "").startswith(
                            ("[[", "[ref(")
                        )
                        if not passes_ids:
                            self.assertEqual(
                                getattr(method, "_api", None), "model", "called without ids: needs @api.model"
                            )
                    checked += 1
        self.assertGreater(checked, 3, "the suite's demo files call their loaders")
