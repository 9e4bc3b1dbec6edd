"""What the loader says about a file it cannot read as YAML data, in Japanese and English."""

from __future__ import annotations

from hikitsugi.i18n import register

register(
    {
        "load.empty": ("ファイルが空です", "the file is empty"),
        "load.not-mapping": (
            "最上位はマッピング (key: value) でなければなりません ({found}になっています)",
            "the top level must be a mapping (key: value), not {found}",
        ),
        "load.syntax": ("YAML の構文エラー: {problem}", "YAML syntax error: {problem}"),
        "load.syntax-bracket": (
            "YAML の構文エラー: [ に対応する ] がないか、項目の区切りの , がありません ({problem})",
            "YAML syntax error: a [ is not closed by ] or items lack a comma ({problem})",
        ),
        "load.syntax-brace": (
            "YAML の構文エラー: {{ に対応する }} がないか、項目の区切りの , がありません ({problem})",
            "YAML syntax error: a {{ is not closed by }} or items lack a comma ({problem})",
        ),
        "load.syntax-colon": (
            "YAML の構文エラー: ここに「キー: 値」は書けません。値の中のコロンは引用符で囲むか、インデントを確かめてください ({problem})",
            "YAML syntax error: 'key: value' is not allowed here; quote a value that contains a colon, or check the indentation ({problem})",
        ),
        "load.syntax-indent": (
            "YAML の構文エラー: インデント (字下げ) がそろっていません ({problem})",
            "YAML syntax error: the indentation does not line up ({problem})",
        ),
        "load.syntax-missing-colon": (
            "YAML の構文エラー: キーの後に「: 」がありません ({problem})",
            "YAML syntax error: a key lacks its ': ' ({problem})",
        ),
        "load.syntax-quote": (
            "YAML の構文エラー: 引用符 (\" か ') が閉じられていません ({problem})",
            "YAML syntax error: a quote (\" or ') is not closed ({problem})",
        ),
        "load.syntax-alias": (
            "YAML の構文エラー: 定義されていないエイリアス (*名前) です ({problem})",
            "YAML syntax error: an alias (*name) that no anchor defines ({problem})",
        ),
        "load.tab": (
            "インデントにタブ文字が使われています。YAML のインデントは半角スペースにしてください",
            "tab character used for indentation: YAML indents with spaces only",
        ),
        "load.fullwidth-space": (
            "インデントに全角スペースが使われています。YAML のインデントは半角スペースにしてください",
            "a full-width space (U+3000) is used for indentation: YAML indents with ASCII spaces only",
        ),
        "load.fullwidth-colon": (
            "キー '{key}' の後が全角のコロン「：」です。半角の「: 」(コロンと半角スペース) にしてください",
            "the key '{key}' is followed by a full-width colon '：': use an ASCII ': ' (colon and space)",
        ),
        "load.unclosed-quote": (
            "YAML の構文エラー: ここで開いた引用符 {quote} が閉じられていません。値の終わりにも {quote} を書いてください",
            "YAML syntax error: the quote {quote} opened here is never closed: end the value with {quote} too",
        ),
        "load.duplicate-key": (
            "キー '{key}' が重複しています (最初は {first_line} 行目)",
            "duplicate key '{key}' (first at line {first_line})",
        ),
        "load.tag": (
            "タグ {tag} は使えません: ナレッジベースにはデータのみを書きます",
            "tag {tag} is not allowed: a knowledge base holds plain data only",
        ),
        "load.merge-key": (
            "マージキー (<<) は使えません。項目をそのまま書いてください",
            "merge keys (<<) are not supported: write the fields out",
        ),
        "load.alias-bomb": (
            "エイリアス (*) を展開すると要素が {limit} 個を超えるため読み込みません",
            "an alias (*) here would expand past {limit} nodes: refused",
        ),
        "load.too-deep": (
            "入れ子が深すぎます ({limit} 段まで)",
            "nested too deeply (at most {limit} levels)",
        ),
        "load.not-utf8": (
            (
                "文字コードが UTF-8 ではありません ({encoding} のようです)。UTF-8 で保存し直してください"
                " (例: iconv -f {iconv} -t UTF-8 元.yml > 新.yml、"
                "またはメモ帳の「名前を付けて保存」で文字コード UTF-8 を選ぶ)"
            ),
            (
                "the file is not UTF-8 (it looks like {encoding}). Save it as UTF-8 "
                "(e.g. iconv -f {iconv} -t UTF-8 old.yml > new.yml, or choose UTF-8 "
                "in Notepad's Save As)"
            ),
        ),
        "load.bad-scalar": (
            "タグ {tag} の値として '{value}' は読めません (タグを外すか値を直してください)",
            "'{value}' is not a valid {tag} value (remove the tag or fix the value)",
        ),
        "load.recursive-alias": (
            "エイリアス (*) が自分自身を含んでいます。このような参照は使えません",
            "an alias (*) contains itself: such references are not allowed",
        ),
        "load.control-character": (
            "制御文字 {code} は YAML に書けません。削除するか、普通の文字に置き換えてください",
            "control character {code} is not allowed in YAML: delete or replace it",
        ),
    }
)
