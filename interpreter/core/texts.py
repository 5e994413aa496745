"""The sentences the core says to users (glossary import and checks), declared with ``msg`` so they can be
translated (see ``interpreter.core.messages``)."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- a glossary file that cannot be read at all ---------------------------------------------------------------------
GLOSSARY_FILE_TOO_LARGE = msg(
    "glossary.file_too_large",
    "This file is larger than {megabytes} MB; a glossary is a small table of terms — please check you picked the "
    "right file.",
)
GLOSSARY_NOT_UTF8 = msg(
    "glossary.not_utf8",
    "This file is not UTF-8 text; save it from your spreadsheet as “CSV UTF-8” and import it again.",
)

# ---- rows of a CSV import (``ImportProblem.message``; the UI puts "Line N:" in front) -----------------------------
CSV_TOO_MANY_COLUMNS = msg(
    "glossary.csv.too_many_columns",
    "found {found} columns where {expected} were expected (source term, translation); row skipped. If a term "
    "contains the delimiter, put it in double quotes.",
)
CSV_ONE_COLUMN = msg(
    "glossary.csv.one_column",
    "found one column; expected a source term and a translation separated by {delimiter}; row skipped.",
)
CSV_EMPTY_SOURCE = msg("glossary.csv.empty_source", "the source term is empty; row skipped.")
CSV_DUPLICATE = msg(
    "glossary.csv.duplicate", "“{term}” already appears on line {line}; imported, but only the first is used."
)
CSV_NO_TRANSLATION = msg("glossary.csv.no_translation", "“{term}” has no translation; imported, fill it in to use it.")
CSV_PROBLEM_ON_LINE = msg("glossary.csv.problem_on_line", "Line {line}: {problem}")

# ---- delimiter names (the ``{delimiter}`` of CSV_ONE_COLUMN) -------------------------------------------------------
DELIMITER_TAB = msg("glossary.delimiter.tab", "a tab")
DELIMITER_SEMICOLON = msg("glossary.delimiter.semicolon", "a semicolon")
DELIMITER_COMMA = msg("glossary.delimiter.comma", "a comma")
DELIMITER_VERTICAL_BAR = msg("glossary.delimiter.vertical_bar", "a vertical bar")

# ---- rows of a glossary in the table (``EntryIssue.message``) ----------------------------------------------------
ROW_EMPTY_SOURCE = msg("glossary.row.empty_source", "The source term is empty; this row is not used.")
ROW_EMPTY_TARGET = msg("glossary.row.empty_target", "The translation is empty; this row is not used.")
ROW_DUPLICATE = msg("glossary.row.duplicate", "“{term}” is already on row {row}; only that row is used.")

MT_TERM_TOO_LONG = msg(
    "glossary.mt.term_too_long",
    "The glossary term {term} is longer than one translation request can carry ({tokens:,} tokens); "
    "shorten it or remove it from the glossary.",
)
MT_TERMS_NEED_ROOM = msg(
    "glossary.mt.terms_need_room",
    "The glossary terms found in part {part} of the text need more room than one translation request has "
    "({tokens:,} tokens); use a smaller glossary.",
)
MT_NOT_A_MODEL = msg("config.mt.not_a_model", "{model} is not a Qwen-MT model; choose one of {models}.")
MT_ALREADY_IN_TARGET = msg(
    "config.mt.already_in_target", "The text is already in {language}; choose a different target language."
)
TEXT_FILE_BINARY = msg(
    "file.text.binary",
    "{file} is not a readable {suffix} text file (it looks binary); check that it is the right file.",
)
TEXT_FILE_EMPTY = msg("file.text.empty", "{file} is empty; there is nothing to translate.")
TMX_NO_UNITS = msg(
    "glossary.tmx.no_units", "The TMX file holds no translation unit with both languages; nothing to import."
)
TMX_INVALID = msg(
    "glossary.tmx.invalid", "The translation memory is not a valid TMX file; export it again as TMX or CSV."
)
MT_CANNOT_TRANSLATE_FROM = msg(
    "config.mt.cannot_translate_from",
    "{model} cannot translate from {value}; it supports {count} languages, e.g. {sample}{larger}.",
)
MT_CANNOT_TRANSLATE_INTO = msg(
    "config.mt.cannot_translate_into",
    "{model} cannot translate into {value}; it supports {count} languages, e.g. {sample}{larger}.",
)
#: ``{larger}`` of the two sentences above when a bigger Qwen-MT model knows more languages.
MT_LARGER_LIST = msg("config.mt.larger_list", "; qwen-mt-plus, -flash and -turbo know {count}")

IMAGE_LANGUAGE_UNKNOWN = msg(
    "image.language_unknown", "Image translation does not know the language {value}; it translates {languages}."
)
IMAGE_TARGET_NEEDED = msg(
    "image.target_needed", "Choose a target language for image translation; it cannot be automatic."
)
IMAGE_SOURCE_ONLY = msg(
    "image.source_only_language",
    "{language} can only be translated from in images, not into; choose a target among {languages}.",
)
IMAGE_TARGET_ONLY = msg(
    "image.target_only_language",
    "Images can be translated into {language} but not from it; choose a source among {languages} (or automatic).",
)
IMAGE_SAME_LANGUAGE = msg(
    "image.same_language", "The source and target are both {language}; choose a different target language."
)
IMAGE_NEEDS_ZH_OR_EN = msg(
    "image.needs_chinese_or_english",
    "Image translation needs Chinese or English on one side, so {source} to {target} is not possible; "
    "translate from or into Chinese or English instead.",
)
# Fragments of SizeProblem.message (after "The picture 'x.png' ..."; see media texts PICTURE_SIZE_PROBLEM).
SIZE_NO_PIXELS = msg("image.size.no_pixels", "has no pixels")
SIZE_ASPECT = msg(
    "image.size.aspect",
    "is {width}x{height} px, an aspect ratio of 1:{ratio:.0f}; the service takes 1:10 to 10:1, so crop it or split "
    "it into parts",
)
SIZE_TOO_SMALL = msg("image.size.too_small", "is {width}x{height} px; each side must be at least {minimum} px")
SIZE_TOO_LARGE = msg("image.size.too_large", "is {width}x{height} px; each side may be at most {maximum} px")

OCR_UNKNOWN_TASK = msg("ocr.unknown_task", "Unknown OCR task '{task}'; choose one of: {tasks}.")
OCR_SCHEMA_NOT_OBJECT = msg("ocr.schema.not_object", "{source} must be a JSON object with at least one named field.")
OCR_SCHEMA_TOO_DEEP = msg("ocr.schema.too_deep", "{source} nests deeper than {depth} levels; flatten it.")
OCR_PIXEL_RANGE = msg("ocr.pixel_range", "The pixel range needs 1 <= min_pixels <= max_pixels.")
OCR_MAX_PIXELS = msg("ocr.max_pixels", "max_pixels may be at most {pixels:,} (15.68 megapixels).")
OCR_SCHEMA_FIELD_NO_NAME = msg("ocr.schema.field_without_name", "{source} has a field without a name{where}.")
OCR_SCHEMA_EMPTY_GROUP = msg("ocr.schema.empty_group", "{source}: the group '{key}' has no fields.")
OCR_SCHEMA_FIELD_NO_DESCRIPTION = msg(
    "ocr.schema.field_without_description", "{source}: the field '{key}' must have a text description or sub-fields."
)
#: ``{source}`` of the schema sentences when no file is named; ``{where}`` when the field sits in a group.
OCR_THE_SCHEMA = msg("ocr.schema.the_schema", "The schema")
OCR_SCHEMA_IN_GROUP = msg("ocr.schema.in_group", " (in '{key}')")
