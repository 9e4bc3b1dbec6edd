"""Markdown written by staff, made safe: raw HTML is shown as text, links keep safe schemes."""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from hikitsugi.render import urls


class _LinkGuard(Treeprocessor):
    """Apply the URL policy (render/urls.py): unsafe links and outside images become text."""

    image_prefix = ""  # from the page being rendered to the site root, e.g. "../"

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and not urls.safe_link(element.get("href", "")):
                _as_text(element)
            elif element.tag == "img":
                source = element.get("src", "")
                path = urls.image_path(source)
                if path is None:
                    alt = element.get("alt", "")
                    _as_text(element)
                    element.text = f"![{alt}]({source})"
                else:
                    element.set("src", self.image_prefix + path)
            for name in ("href", "src"):  # any other element: no URL survives the policy
                value = element.get(name)
                if value is not None and element.tag not in ("a", "img"):
                    del element.attrib[name]


def _as_text(element: etree.Element) -> None:
    """Turn *element* into a plain span that keeps its text."""
    element.tag = "span"
    element.attrib.clear()


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkGuard(md), "hikitsugi-link-guard", 0)


def escape_html(text: str) -> str:
    """Escape & and < so no tag or entity written by a person survives; > stays for quotes."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def loosen_lists(text: str) -> str:
    """Start (and end) a list or a table right next to a line of text, as staff write it in YAML."""
    lines: list[str] = []
    for line in text.splitlines():
        previous = lines[-1] if lines else ""
        if line.startswith("|") and previous.strip() and not previous.startswith("|"):
            lines.append("")  # Python-Markdown starts a table only after a blank line
        starts = (
            _LIST_ITEM.match(line)
            and previous.strip()
            and not previous[:1].isspace()
            and not _LIST_ITEM.match(previous)
        )
        ends = (
            line.strip()
            and not line[:1].isspace()
            and not _LIST_ITEM.match(line)
            and _LIST_ITEM.match(previous)
        )
        if starts or ends:
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


_CONVERTER: markdown.Markdown | None = None


def _converter() -> markdown.Markdown:
    """One Markdown instance, reset between texts: building its parser costs more than a detail."""
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = markdown.Markdown(
            extensions=["sane_lists", "nl2br", "tables", _SafeExtension()], output_format="html"
        )
    return _CONVERTER


# Text with none of these characters, no indentation and only `- ` lists renders without the
# Markdown parser (most details look like this; the parser costs ~0.4 ms a detail). The output
# is the parser's, byte for byte: tests/test_render_safe_markdown.py compares both.
_MARKUP_CHARACTERS = re.compile(r"[*_`\[\]#>|!<&\\=+~:]|^\s|\s$|^\d+[.)]|^-(?! \S)", re.MULTILINE)


def _plain(text: str) -> str | None:
    """Render paragraphs and `- ` lists directly, or return None when the parser is needed."""
    if _MARKUP_CHARACTERS.search(text):
        return None
    blocks: list[str] = []
    lines: list[str] = []
    items: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("- "):
            if lines:
                blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
                lines = []
            items.append(line[2:])
        elif line:
            if items:
                blocks.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
                items = []
            lines.append(line)
        else:
            if lines:
                blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
                lines = []
            if items:
                blocks.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
                items = []
    return "\n".join(blocks)


def render(text: str, image_prefix: str = "") -> str:
    """Render staff Markdown to HTML: their HTML is escaped first, so it reads as text.

    *image_prefix* leads from the page to the site root, where the KB's images/ are copied.
    """
    plain = _plain(text.strip("\n"))
    if plain is not None:
        return plain
    converter = _converter()
    guard = converter.treeprocessors["hikitsugi-link-guard"]
    assert isinstance(guard, _LinkGuard)
    guard.image_prefix = image_prefix
    html = converter.reset().convert(loosen_lists(escape_html(text)))
    # The page is Markdown again for MkDocs: a blank line would end the raw HTML block.
    return re.sub(r"\n\s*\n", "\n", html).strip()


_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def tables(text: str) -> list[str]:
    """Return the HTML of each GitHub-style table in *text* (a step's reference tables, for paper)."""
    if "|" not in text:
        return []
    return _TABLE.findall(render(text))


_CELL_END = re.compile(r"</t[dh]>")
_LINE_END = re.compile(r"<br\s*/?>|</(?:p|li|tr|h[1-6]|blockquote|pre)>")
_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """Return staff Markdown as the words a reader sees: no markup, no `|---|` rows.

    For snippets (search results) and anywhere else the text goes without HTML.
    """
    flat = render(text).replace("\n", "")  # the renderer's newlines sit between elements
    rendered = _LINE_END.sub("\n", _CELL_END.sub(" ", flat))
    lines = (
        " ".join(line.split()) for line in html_module.unescape(_TAG.sub("", rendered)).split("\n")
    )
    return "\n".join(line for line in lines if line)
