"""Checks that an addon's Vietnamese translation is complete (the suite's check, copied: addons do not
import each other's tests, and this addon depends on no other addon of the suite)."""

import re

import polib

from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

PLACEHOLDER_RE = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{.*?\}\}")
TAG_RE = re.compile(r"</?([a-zA-Z][\w.-]*)")


class VietnameseTranslationChecks:
    """Mixin for a TransactionCase: set ``module`` to the addon to check."""

    module = None
    # Odoo 18 collects only the methods a test class defines itself unless told otherwise.
    allow_inherited_tests_method = True

    def read_vi_po(self):
        try:
            path = file_path(f"{self.module}/i18n/vi.po")
        except FileNotFoundError:
            path = None
        self.assertTrue(path, f"{self.module} ships i18n/vi.po")
        return polib.pofile(path)

    def test_every_term_has_a_vietnamese_translation(self):
        with self.assertNoLogs("odoo.tools.translate", level="ERROR"):
            reader = TranslationModuleReader(self.env.cr, modules=[self.module])
            sources = {source for _module, _type, _name, _res_id, source, _value, _comments in reader if source}
        translated = {entry.msgid for entry in self.read_vi_po() if entry.msgstr.strip()}
        missing = sorted(sources - translated)
        self.assertFalse(missing, f"{len(missing)} terms have no Vietnamese translation, e.g. {missing[:5]}")

    def test_translations_keep_placeholders_and_markup(self):
        for entry in self.read_vi_po():
            if not entry.msgstr:
                continue
            with self.subTest(msgid=entry.msgid[:60]):
                self.assertEqual(
                    sorted(PLACEHOLDER_RE.findall(entry.msgid)), sorted(PLACEHOLDER_RE.findall(entry.msgstr))
                )
                self.assertEqual(TAG_RE.findall(entry.msgid), TAG_RE.findall(entry.msgstr))
