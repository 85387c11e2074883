"""The catalogue of coded messages (spaCy-style): every user-facing error names a code.

Use as ``raise CommuniqueError(E.E001, path=path)``; the message is formatted
with the keyword arguments and prefixed with its code, so an error read in a log
can be looked up here.
"""
from __future__ import annotations


class E:
    # input / ingest
    E001 = "cannot read {path}: {reason}"
    E002 = "{path}: empty input (no text after extraction)"
    E003 = "{path}: not text (binary content detected)"
    E004 = "{path}: could not decode bytes as text ({reason})"
    E005 = "{path}:{line}: malformed JSON ({reason})"
    E006 = "{path}:{line}: record has no 'text' field"
    E007 = "{path}: HTML has no extractable main text"
    E008 = "{path}: truncated or corrupt compressed stream ({reason})"
    E009 = "{path}: broken WARC record {record} ({reason})"
    E010 = "{path}: input too large ({size} bytes > limit {limit})"
    E011 = "{path}: language '{language}' is not English; skipped"
    E012 = "{path}: unsupported input type"
    # pipeline / knowledge base
    E101 = "spaCy model not found: tried {names}. Install it with `make install`."
    E102 = "knowledge base file missing: {path}. Re-derive it with `make kb`."
    E103 = "invalid date '{value}': expected YYYY-MM-DD or an ISO 8601 date-time"
    # store / queries
    E201 = "database {path} cannot be opened: {reason}"
    E202 = "unknown actor or country code '{code}'"
    E203 = "invalid dyad '{value}': expected two codes like KAZ-OMN"
    E204 = "article {id} not found"
    E205 = "{detail}"
    # web
    E301 = "missing or wrong ingest token"
    E302 = "parameter '{name}': {reason}"
    E303 = "no such page: {path}"
    E304 = "ingest is disabled: start the server with --allow-ingest and a token"
    E305 = "unknown dyad {a}-{b}: neither code appears in the store"


class CommuniqueError(Exception):
    """An error whose message comes from the catalogue `E`."""

    def __init__(self, template: str, **kwargs: object) -> None:
        code = next((k for k, v in vars(E).items() if v == template), "E000")
        self.code = code
        self.fields = kwargs
        super().__init__(f"[{code}] " + template.format(**kwargs))


class InputError(CommuniqueError):
    """Bad input: reported in one line naming the input, the batch goes on."""
