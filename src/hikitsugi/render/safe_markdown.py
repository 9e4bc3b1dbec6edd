"""Markdown written by staff, made safe: raw HTML is shown as text, links keep safe schemes."""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

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


_NO_LINKS_INSIDE = frozenset({"a", "code", "pre"})


class _TitleLinker(Treeprocessor):
    """Link the titles of other runbooks in the text (never inside code or an existing link)."""

    find: Callable[[str], list[tuple[int, int, str]]] | None = None
    href: Callable[[str], str] = str

    def run(self, root: etree.Element) -> None:
        if self.find is not None:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _NO_LINKS_INSIDE:
            return
        for child in list(element):
            self._walk(child)
        if element.text:
            element.text, links = self._split(element.text)
            for index, link in enumerate(links):
                element.insert(index, link)
        for child in list(element):
            if child.tail:
                child.tail, links = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(position + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """Return the text before the first title, and an <a> per title (the rest as their tails)."""
        assert self.find is not None
        found = self.find(text)
        if not found:
            return text, []
        links = []
        for number, (start, end, title) in enumerate(found):
            link = etree.Element("a", {"href": self.href(title), "class": "hk-title-link"})
            link.text = text[start:end]
            following = found[number + 1][0] if number + 1 < len(found) else len(text)
            link.tail = text[end:following]
            links.append(link)
        return text[: found[0][0]], links


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkGuard(md), "hikitsugi-link-guard", 0)
        md.treeprocessors.register(_TitleLinker(md), "hikitsugi-title-links", 1)


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


def render(
    text: str,
    image_prefix: str = "",
    find_titles: Callable[[str], list[tuple[int, int, str]]] | None = None,
    title_href: Callable[[str], str] = str,
) -> str:
    """Render staff Markdown to HTML: their HTML is escaped first, so it reads as text.

    *image_prefix* leads from the page to the site root, where the KB's images/ are copied.
    *find_titles* finds the titles of other runbooks to link (to *title_href* of the title).
    """
    wants_links = find_titles is not None and bool(find_titles(text))
    plain = None if wants_links else _plain(text.strip("\n"))
    if plain is not None:
        return plain
    converter = _converter()
    guard = converter.treeprocessors["hikitsugi-link-guard"]
    assert isinstance(guard, _LinkGuard)
    guard.image_prefix = image_prefix
    linker = converter.treeprocessors["hikitsugi-title-links"]
    assert isinstance(linker, _TitleLinker)
    linker.find, linker.href = (find_titles, title_href) if wants_links else (None, str)
    html = converter.reset().convert(loosen_lists(escape_html(text)))
    # The page is Markdown again for MkDocs: a blank line would end the raw HTML block.
    return re.sub(r"\n\s*\n", "\n", html).strip()


_TABLE = re.compile(r"(?:<p>((?:(?!</?p>).){1,120})</p>\n)?(<table>.*?</table>)", re.DOTALL)


def tables(text: str) -> list[str]:
    """Return the HTML of each GitHub-style table in *text* (a step's reference tables, for paper).

    A short paragraph right before a table is its caption (「調整指数(世帯ごと)」) and comes along.
    Images become their alt text: a printed document may be saved anywhere, away from images/.
    """
    if "|" not in text:
        return []
    found = _TABLE.findall(_IMAGE.sub(lambda m: m.group(1) or "", render(text)))
    return [
        (f'<p class="caption">{caption}</p>' if caption else "") + table for caption, table in found
    ]


_IMAGE = re.compile(r'<img\b[^>]*?\balt="([^"]*)"[^>]*>|<img\b[^>]*>()')


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
