from odoo import models
from odoo.http import request

# The language of the centre's public pages, whatever the visitor's browser says.
PUBLIC_LANG = "vi_VN"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _public_admin_visitor_lang(cls):
        """The language the visitor reads: the one chosen with the language switch (its cookie),
        else the signed-in user's, else Vietnamese; never the browser's."""
        Lang = request.env["res.lang"]
        session = request.session
        for code in (
            request.cookies.get("frontend_lang"),
            session.uid and session.context.get("lang"),
            PUBLIC_LANG,
        ):
            lang = Lang._get_data(code=code) if code else None
            if lang and lang.code:
                return lang
        return None

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # The dossier page's conversation with the centre is mail's portal chatter: without its
        # terms it speaks English ("The conversation is empty.") on Vietnamese pages.
        return [*super()._get_translation_frontend_modules_name(), "mail"]

    @classmethod
    def _get_default_lang(cls):
        # The frontend routing redirects a visitor whose language is not the default one to
        # /<lang>/… URLs. Here the default is the visitor's own language: URLs stay as they are,
        # and a /<lang>/ prefix (the language switch) changes the language and its cookie.
        return cls._public_admin_visitor_lang() or super()._get_default_lang()

    @classmethod
    def _match(cls, path):
        # An anonymous session takes its language from the browser (Accept-Language), which the
        # frontend routing prefers to the default: an English-language phone would get English
        # pages. Until they sign in, visitors read their chosen language, or Vietnamese.
        if not hasattr(request, "is_frontend") and request.db and not request.session.uid:
            lang = cls._public_admin_visitor_lang()
            if lang:
                request.update_context(lang=lang.code)
        return super()._match(path)
