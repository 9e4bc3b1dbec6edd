"""Kana and romaji readings of titles and tags, for search (SudachiPy's core dictionary)."""

from __future__ import annotations

import pytest

from hikitsugi.render.site.readings import hiragana, kana, readings, romaji, romaji_variants


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("学童", "がくどう"),
        ("指数計算シート", "しすうけいさんしーと"),
        ("審査請求", "しんさせいきゅう"),
        ("窓口 点検", "まどぐち てんけん"),  # a space is kept, not read as きごう
    ],
)
def test_kana_reads_kanji_and_katakana_in_hiragana(text: str, reading: str) -> None:
    assert kana(text) == reading


def test_hiragana_turns_katakana_only() -> None:
    assert hiragana("ガクドウ クラブ ー abc 学") == "がくどう くらぶ ー abc 学"


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ("がくどう", "gakudou"),
        ("しんさせいきゅう", "shinsaseikyuu"),
        ("ちょっと", "chotto"),
        ("まっちゃ", "matcha"),
        ("じょうほう", "jouhou"),
        ("ちぇっく", "chekku"),
        ("ふぁいる", "fairu"),
        ("つうち", "tsuuchi"),
        ("しーと", "shiito"),  # ー repeats the vowel before it
    ],
)
def test_romaji_is_hepburn(reading: str, expected: str) -> None:
    assert romaji(reading) == expected


def test_long_vowels_are_also_written_short() -> None:
    assert romaji_variants("がくどう") == ("gakudou", "gakudo")
    assert romaji_variants("しんさせいきゅう") == ("shinsaseikyuu", "shinsaseikyu")
    assert romaji_variants("まどぐち") == ("madoguchi",)


def test_readings_hold_kana_and_both_romaji_forms() -> None:
    found = readings("学童クラブ管理システム", "", "LGWAN接続系")
    assert found.split() == [
        "がくどうくらぶかんりしすてむ",
        "gakudoukurabukanrishisutemu",
        "gakudokurabukanrishisutemu",
        "lgwanせつぞくけい",
        "lgwansetsuzokukei",
    ]
