"""Message catalogues: every module registers its own messages in both languages."""

from __future__ import annotations

import string

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

_CATALOGUE: dict[str, dict[str, str]] = {}

# A parameter that names another message, translated with it. A tuple, never a string: text
# from a user's file, such as @cli.internal, is only ever text. Tuples survive the marshal cache, and
# the loader builds lists, never tuples, from YAML.
I18nRef = tuple[str, str]
_REF = "i18n-ref"


def ref(key: str) -> I18nRef:
    """Return a parameter value that stands for message *key*, translated where it is shown."""
    return (_REF, key)


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add messages as key -> (ja, en); a key may be registered once."""
    for key, (ja, en) in messages.items():
        if key in _CATALOGUE:
            raise ValueError(f"message {key!r} registered twice")
        _CATALOGUE[key] = {"ja": ja, "en": en}


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """Render message *key* in *lang* with *params*."""
    entry = _CATALOGUE[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    for name, value in params.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _REF:
            params[name] = t(value[1], lang)
    return template.format(**params)


def catalogue() -> dict[str, dict[str, str]]:
    """Return every registered message (for tests and documentation)."""
    return _CATALOGUE


def placeholders(template: str) -> set[str]:
    """Return the names of the {placeholders} in *template*."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
