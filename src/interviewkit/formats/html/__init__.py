"""HTML: an interview published as a page, and Q&A pages read from the web.

The writer lays an interview out as a standalone, accessible page with a
small stylesheet (light and dark) and no script::

    <!DOCTYPE html>
    <html lang="en">
    ...
    <article class="interview" data-interviewkit="1" data-language="en">
    <header>
    <h1>Darren Star on Emily in Paris</h1>
    <dl class="metadata">
    <dt>Source</dt><dd data-field="source">Collider</dd>
    </dl>
    <ul class="cast" aria-label="Speakers">
    <li class="speaker-1" data-id="collider" data-role="interviewer">...</li>
    <li class="speaker-2" data-id="darren-star" data-role="interviewee">...</li>
    </ul>
    </header>
    <div class="prose editors_note" data-kind="editors_note">
    <p>[Editor’s note: spoilers.]</p>
    </div>
    <div class="turn speaker-1" data-speaker="collider" data-label="Collider">
    <cite>Collider</cite>
    <p>Congrats!</p>
    </div>
    <figure class="caption" data-image="emily-in-paris">
    <figcaption><small class="credit">Image via Netflix</small></figcaption>
    </figure>
    <div class="turn speaker-2" data-speaker="darren-star" data-start="1000">
    <cite>Darren Star</cite> <span class="times"><time datetime="PT1S">...</time></span>
    <p>More.</p>
    </div>
    </article>

- The page's ``lang`` is the interview's language (``und`` when unknown);
  the title is the ``<h1>`` and the ``<title>``; the metadata is a
  definition list (a date in ``<time>``, an address as a link when it is
  ``http``, ``https`` or relative); the cast is a list with each speaker's
  role and aliases.
- A turn is a ``<div class="turn">`` with the speaker's name in a
  ``<cite>`` and its times in ``<time>`` elements, as Podcasting 2.0's HTML
  transcripts have them, then its text as paragraphs (one ``<p>`` for each
  part between blank lines). Each speaker has a colour of their own, the
  same on the name in the cast list, on every ``<cite>`` and on the turn's
  rule.
- A caption is a ``<figure>`` with its caption and credit in the
  ``<figcaption>``, and an ``<img>`` when the image is an address of a
  picture (``https://...``, ``photo.jpg``); a name such as the seed's
  ``emily-in-paris-season-2`` stays in ``data-image``.
- A prose block is a ``<div class="prose">`` of paragraphs.
- What a page cannot show goes into ``data-`` attributes: speaker ids,
  labels as written, markers, times to the millisecond, cues, words and
  codes (as JSON arrays).

Every text is escaped (``&``, ``<``, ``>``, ``"`` and ``'``), so none of it
can become markup, and white space shows as written (``white-space:
pre-wrap``). HTML cannot hold U+0000: it is written as U+FFFD, as browsers
show it. ``standalone=False`` writes only the ``<article>``, for a page of
one's own.

Reading
-------
A page whose ``<article>`` has ``data-interviewkit`` is read back exactly:
``ik.loads(ik.dumps(iv, format="html"), format="html") == iv`` (but for
U+0000), and the reading options do not apply to it.

Any other page is read as publishers lay interviews out, through the same
reading engine as plain text and Markdown: the page's ``<main>``, else its
first ``<article>``, else its ``<body>``, without navigation, scripts,
styles, forms or embedded media.

- ``<p><strong>NAME:</strong> text</p>``, ``<b>Name</b>: text``, a bold
  name alone followed by ``<br>`` and the speech, ``Q:``/``A:``, and plain
  ``NAME: text`` where the text reader would take it.
- ``<cite>Name</cite> <time>0:05</time>`` then the speech in a ``<p>``, as
  Podcasting 2.0's HTML transcripts write it: a turn with its start time.
- A paragraph all in bold, or an ``<h2>``..``<h6>`` that asks: a question
  by the interviewer, answered by the paragraph that follows.
- ``<figure>`` with an ``<img>`` and a ``<figcaption>`` (and an ``<img>``
  at the start of a paragraph): an `ImageCaption`, the credit told from the
  caption as in text.
- The title is the front matter's, else the first ``<h1>``, else the
  ``<title>``; ``<html lang>``, ``<link rel="canonical">`` and a
  ``date`` or ``article:published_time`` meta give the metadata. YAML front
  matter before the HTML (as static site generators keep pages) is read as
  in Markdown.
- Other headings, quotes, lists, ``<pre>`` and the rest are kept as prose
  or as part of the turn they belong to.

White space collapses as a browser shows it; ``<br>`` breaks a line; a link
keeps its text and its address (``text (https://...)``), as in Markdown.

The package, by concern: `tree` (the standard library's tokenizer and the
few tree-building rules an article needs), `layout` (the version, colours
and stylesheet), `writer`, `own_layout` (the reader of the writer's pages)
and `human` (the pieces of pages as publishers write them).
"""

from __future__ import annotations

import re

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading.markup import assemble, finish
from interviewkit._report import report
from interviewkit.errors import ParseError, ValidationError
from interviewkit.formats import Format
from interviewkit.formats.html.human import content_root, head_facts, pieces
from interviewkit.formats.html.layout import LAYOUT, NAME
from interviewkit.formats.html.own_layout import own_article, own_document
from interviewkit.formats.html.tree import parse
from interviewkit.formats.html.writer import dumps
from interviewkit.formats.markdown.front_matter import split_front_matter
from interviewkit.formats.markdown.human_front_matter import human_front_matter
from interviewkit.model import Interview, Metadata

__all__ = ["FORMAT", "LAYOUT", "dumps"]

_SNIFF = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)


def _sniff(document: Document) -> bool:
    return _SNIFF.match(document.text[:4096]) is not None


def _read(document: Document, options: ReadOptions) -> Interview:
    try:
        lines, matter, body = split_front_matter(document.text)
        title, metadata, cast = human_front_matter(matter)
    except ParseError as error:
        raise ParseError(
            error.message, format=NAME, line=error.line, column=error.column
        ) from None
    root = parse("\n".join(lines[body:]), first_line=body + 1)
    article = own_article(root)
    if article is not None:
        return own_document(article)
    facts = head_facts(root)
    body_title, assembler = assemble(list(pieces(content_root(root))))
    if title is None and body_title is None:
        title = facts.get("title")
    done = finish(
        assembler,
        title=title,
        body_title=body_title,
        cast=cast.entries,
        names=cast.names,
        options=options,
    )
    for message, line in done.notes:
        report(document, options, message, line=line, column=1)
    fields = {
        field: getattr(metadata, field) or facts.get(field)
        for field in ("source", "url", "date", "language")
    }
    try:
        metadata = Metadata(**fields, extras=metadata.extras)
        return Interview(
            title=done.title, metadata=metadata, speakers=done.speakers, body=done.body
        )
    except ValidationError as error:  # pragma: no cover - a reader bug
        raise ParseError(error.message, format=NAME) from None


FORMAT = Format(
    name=NAME,
    suffixes=(".html", ".htm"),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    options=frozenset(attrs.fields_dict(ReadOptions)),
    description="A standalone web page, and Q&A pages as publishers lay them out",
)
