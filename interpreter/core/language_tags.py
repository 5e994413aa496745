"""Our language codes (the service's, spec §1.10) as ISO 639-2/T tags, the form MP4/Matroska track headers hold."""

from __future__ import annotations

#: The tag for "undetermined" (ISO 639-2): used when the source language is automatic or unknown.
UNDETERMINED = "und"

# ISO 639-2/T (terminology) codes: MP4 stores three lowercase letters and players map them to names. Codes that are
# already three letters in the service's list (yue, fil, ast, ceb) are ISO 639-2 or 639-3 codes already.
_ISO639_2: dict[str, str] = {
    "af": "afr",
    "ar": "ara",
    "az": "aze",
    "be": "bel",
    "bg": "bul",
    "bn": "ben",
    "bs": "bos",
    "ca": "cat",
    "cs": "ces",
    "da": "dan",
    "de": "deu",
    "el": "ell",
    "en": "eng",
    "es": "spa",
    "et": "est",
    "fa": "fas",
    "fi": "fin",
    "fr": "fra",
    "gl": "glg",
    "gu": "guj",
    "he": "heb",
    "hi": "hin",
    "hr": "hrv",
    "hu": "hun",
    "id": "ind",
    "is": "isl",
    "it": "ita",
    "ja": "jpn",
    "jv": "jav",
    "kk": "kaz",
    "kn": "kan",
    "ko": "kor",
    "ky": "kir",
    "lv": "lav",
    "mk": "mkd",
    "ml": "mal",
    "mr": "mar",
    "ms": "msa",
    "nb": "nob",
    "nl": "nld",
    "pa": "pan",
    "pl": "pol",
    "pt": "por",
    "ro": "ron",
    "ru": "rus",
    "sk": "slk",
    "sl": "slv",
    "sv": "swe",
    "sw": "swa",
    "tg": "tgk",
    "th": "tha",
    "tr": "tur",
    "uk": "ukr",
    "ur": "urd",
    "vi": "vie",
    "zh": "zho",
}


def iso639_2(code: str | None) -> str:
    """The ISO 639-2 tag for one of our language codes; :data:`UNDETERMINED` for None, "auto" or an unknown code.

    >>> iso639_2("zh"), iso639_2("yue"), iso639_2(None)
    ('zho', 'yue', 'und')
    """
    if not code:
        return UNDETERMINED
    key = code.strip().lower()
    if key in _ISO639_2:
        return _ISO639_2[key]
    if len(key) == 3 and key.isascii() and key.isalpha():
        return key  # already a three-letter code (yue, fil, ast, ceb)
    return UNDETERMINED
