"""Kana and romaji readings of titles and tags, made at build time so がくどう and gakudou find 学童.

SudachiPy with its core dictionary (Apache-2.0, offline, binary wheels for Windows and Linux):
docs/site.md says why it was chosen over pykakasi. The browser only matches substrings of the
readings written into the search index; it needs no dictionary of its own.
"""

from __future__ import annotations

import functools
from typing import Any

_SMALL = "ゃゅょぁぃぅぇぉ"
_HEPBURN = (
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de "
    "do ba bi bu be bo pa pi pu pe po vu"
)
_ROMAJI = dict(
    zip(
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ"
        "らりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ",
        _HEPBURN.split(),
        strict=True,
    )
)
_SMALL_ROMAJI = {
    "ゃ": "ya",
    "ゅ": "yu",
    "ょ": "yo",
    "ぁ": "a",
    "ぃ": "i",
    "ぅ": "u",
    "ぇ": "e",
    "ぉ": "o",
}
_I_SOUNDS = frozenset(v for v in _ROMAJI.values() if v.endswith("i"))  # き, し, ち, に …
_LONG_VOWELS = (("ou", "o"), ("uu", "u"), ("oo", "o"))


@functools.cache
def _tokenizer() -> Any:
    """Load the dictionary once per process (about 40 ms; it is memory-mapped)."""
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    # 0.7 renamed create() (deprecated there); the manylinux2014 wheels stop at 0.6
    make = getattr(dictionary, "tokenizer", None) or dictionary.create
    return make(mode=SplitMode.C)


def hiragana(text: str) -> str:
    """Return *text* with its katakana turned into hiragana (ー and other marks kept)."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def kana(text: str) -> str:
    """Return the reading of *text* in hiragana, word by word, as the dictionary reads it."""
    out = []
    for word in _tokenizer().tokenize(text):
        surface = word.surface()
        # a space or a mark is read as きごう: keep it as written, so words stay apart
        symbol = word.part_of_speech()[0] in ("空白", "補助記号") or not surface.strip()
        out.append(" " if symbol else word.reading_form() or surface)
    return " ".join(hiragana("".join(out)).split())


def _joins(previous: str, small: str) -> bool:
    """Say whether a small kana joins the syllable before it (きゃ, しぇ, ふぁ), not stands alone."""
    single = previous[1:] if previous[:2] in ("kk", "ss", "tt", "pp", "tc", "jj") else previous
    if small in "ゃゅょ":
        return single in _I_SOUNDS
    return single in ("shi", "chi", "ji", "fu")


def romaji(reading: str) -> str:
    """Return Hepburn romaji of a hiragana *reading* (がくどう → gakudou; ー repeats the vowel)."""
    out: list[str] = []
    double = False
    for char in reading:
        if char == "っ":
            double = True
            continue
        if char in _SMALL and out and _joins(out[-1], char):
            stem = out.pop()[:-1]  # きゃ → kya, しゃ → sha, ちぇ → che, ふぁ → fa
            sound = _SMALL_ROMAJI[char]
            syllable = stem + (
                sound[1:] if stem.endswith(("sh", "ch", "j")) and char in "ゃゅょ" else sound
            )
        elif char == "ー" and out:
            syllable = out[-1][-1]
        else:
            syllable = _ROMAJI.get(char) or _SMALL_ROMAJI.get(char) or char
        if double and syllable[:1].isalpha():
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out).replace("n'", "n")


def romaji_variants(reading: str) -> tuple[str, ...]:
    """Return the romaji of *reading*, and its form with long vowels written short (gakudo)."""
    full = romaji(reading)
    short = full
    for long, written in _LONG_VOWELS:
        short = short.replace(long, written)
    return (full,) if short == full else (full, short)


def readings(*texts: str) -> str:
    """Return the hiragana and romaji readings of *texts*, one space-separated string for the index."""
    parts: list[str] = []
    for text in texts:
        if not text.strip():
            continue
        reading = kana(text)
        parts.append(reading)
        parts.extend(romaji_variants(reading))
    return " ".join(parts)
