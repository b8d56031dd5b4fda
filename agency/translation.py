"""The agency's text in Vietnamese and English (django-modeltranslation).

Each field named here gets a `_vi` and an `_en` column; reading the field gives the active
language's text, and nothing falls back to Vietnamese (MODELTRANSLATION_ENABLE_FALLBACKS is
off): an English page with no English text says so. The version history is registered here,
after the translated columns exist, so that it keeps both languages.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from agency.models import AgencyPage, ContactOfficial, Leader, Office


@register(AgencyPage)
class AgencyPageTranslation(TranslationOptions):
    fields = AgencyPage.TRANSLATED_FIELDS
    required_languages = ("vi",)


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = Office.TRANSLATED_FIELDS
    required_languages = {"vi": ("name",)}


@register(ContactOfficial)
class ContactOfficialTranslation(TranslationOptions):
    fields = ContactOfficial.TRANSLATED_FIELDS
    required_languages = {"vi": ("title",)}


@register(Leader)
class LeaderTranslation(TranslationOptions):
    fields = Leader.TRANSLATED_FIELDS
    required_languages = {"vi": ("title", "portfolio")}


for model, name in (
    (AgencyPage, "trang giới thiệu"),
    (Office, "phòng, đơn vị"),
    (Leader, "lãnh đạo Sở"),
    (ContactOfficial, "cán bộ đầu mối"),
):
    register_history(
        model,
        app="agency",
        verbose_name=f"lịch sử {name}",
        verbose_name_plural=f"lịch sử {name}",
        excluded_fields=["updated_at"],
    )
