"""Markdown: interviews for people and sites, and back without a lost character.

The writer lays an interview out the way a Q&A article reads, and puts in
YAML front matter only what the page cannot show:

    ---
    interviewkit: 2
    title: Darren Star on Emily in Paris
    source: Collider
    speakers:
    - id: collider
      name: Collider
      role: interviewer
    - id: darren-star
      name: Darren Star
      role: interviewee
      aliases:
      - DARREN STAR
      - STAR
    unlabelled_speaker: collider
    ---

    # Darren Star on Emily in Paris

    <!-- prose: editors_note -->

    [Editor’s note: The following contains some spoilers.]

    **Collider:** First of all, congrats.

    **DARREN STAR:** Yeah, it was amazing to hear that.

    **What did you most enjoy getting to dig into this season?**

    ![](emily-in-paris-season-2-lily-collins-ashley-park)

    _Image via Netflix_

The layout, block by block (blocks are separated by one blank line):

- A turn is ``**Label:** text``, the label as the source wrote it (the
  speaker's name when the source left the turn unlabelled). Further
  paragraphs of the turn follow as plain paragraphs, up to the next block
  that starts with a marker: a bold label, a bold question, an image line
  or an HTML comment. Times show after the label as
  ``[01:02:03.500–01:02:09]`` (``.mmm`` only when the milliseconds are not
  zero; ``[–01:02:09]`` for an end alone).
- An unlabelled turn by the speaker named ``unlabelled_speaker`` in the
  front matter is a bold paragraph, the way Q&A articles print questions.
- A turn whose label does not name exactly its speaker (by name or alias)
  or that is unlabelled but cannot be a bold paragraph, is preceded by a
  ``<!-- turn {"speaker": "id", "label": null} -->`` comment with what the
  label cannot say.
- `Turn.marker` is None unless the front matter gives a template that
  most labelled turns' markers follow: ``markers: text`` (``"Label: "``,
  as the plain-text reader records it) or ``markers: "{label}  {time:0:00}\n"``
  (``{label}``, and ``{time:SHAPE}`` for the start time written in the
  shape of a clock, such as ``0:00`` or ``00:00:00.0``); turns with a start
  time may have a template of their own, ``timed_markers``. An unlabelled
  turn's marker is None. A turn whose marker is otherwise says so in its
  comment: ``<!-- turn {"marker": "[00:01] Q: "} -->``.
- A prose block is preceded by ``<!-- prose: KIND -->`` (``editors_note``,
  ``intro``, ``related``, ``closing``, ``other``), then its paragraphs.
- An image caption is the image line ``![caption](image)``, then the caption
  as a paragraph, then the credit in italics (``_Image via Netflix_``). A
  caption without an image starts with ``<!-- caption -->`` instead, and
  one whose image name a page would make an active link to a script or to
  data (``javascript:``, ``vbscript:``, ``data:``) starts with
  ``<!-- caption {"image": "..."} -->``.

HTML comments show on no rendered page, so GitHub and mkdocs show the
article as it was written.

Escaping, so that any text survives and none renders as markup:

- Always: ``\\``, ``*``, `` ` `` and ``|`` are backslash-escaped; ``~`` is
  written ``&#126;``. ``_`` is escaped unless letters or digits stand on both
  sides (``snake_case`` stays as it is).
- ``<`` before a letter, ``/``, ``!`` or ``?`` (what could open an HTML tag,
  a comment or an autolink) is written ``&lt;``; ``&`` that could start an
  entity (``&amp;``, ``&#32;``) is written ``&amp;``. Both hold in
  CommonMark and in Python-Markdown (mkdocs), which does not honour ``\\<``.
- ``]`` before ``(``, ``[`` or ``:`` is escaped, so no link, image or
  reference definition can form.
- At the start of a line: ``#``, ``>``, ``-``, ``+``, ``!`` are escaped,
  ``=`` is written ``&#61;``, and the ``.`` or ``)`` after leading digits is
  escaped (no heading, quote, list, rule or setext underline).
- White space at either end of a line (spaces, tabs, ``\\u2028``, ...) is
  written as a character reference (``&#32;``), so nothing is stripped, no
  line becomes indented code and trailing spaces make no hard break.
- A line break inside a turn, prose block, caption or credit is a line
  break in the Markdown. A blank line between two lines of text is a blank
  line; any other empty line of text is written ``&#10;`` on its own line.
  A line break inside a label, a title or an image name is ``&#10;``.

Reading
-------
Reading what the writer wrote gives back an equal `Interview`: a document
whose front matter has an ``interviewkit`` key is read as that layout,
exactly, and the reading options do not apply to it.

Any other document is read as people write interviews in Markdown, by
the rules the plain-text reader uses for labels, aliases, roles,
captions and prose, with what the markup says besides:

- ``**Name:** text``, ``**Name**: text``, ``__Name:__``, ``*Name:*``,
  ``**Q:**``/``**A:**``: a turn labelled ``Name``; a label alone in its
  paragraph takes the paragraph below as its speech. ``NAME: text``
  without markup is a label too, where the text reader would take it.
- A name in bold with a time after it, ``**Jane Doe** 00:01:23`` (or
  ``[00:01:23]``, ``(00:01:23)``), then the speech on the next line or
  in the next paragraph: a turn with its start time, as transcription
  tools export them. A time before the label, ``\\[00:04:08\\] **HOST:**
  text``, is the start time too.
- A paragraph all in bold, an italic one that asks (ends in ``?``), or a
  ``##`` heading that asks: an unlabelled question by the interviewer;
  the plain paragraph after it is the answer. Other headings are prose.
- An image, ``![alt](src)``, with the caption and credit on the lines
  under it or in an italic paragraph below: an `ImageCaption` (the alt
  text is the caption when nothing else is).
- The first ``#`` heading is the title unless the front matter has one;
  a blog's front matter gives ``title``, ``date``, ``source``, ``url``
  and ``language`` (or ``lang``); ``interviewer`` and ``interviewee``
  (a name or a list) and ``speakers`` (names, or ``{name, role,
  aliases}``) name the cast; every other key (``author``, ``tags``,
  ...) goes to `Metadata.extras`, nested keys as ``author.name``.
- Quotes, lists, code and notes, links and closing lines after the talk
  are kept as prose or as part of the turn they belong to; thematic
  breaks and HTML comments are left out.

Inline markup becomes plain text: emphasis marks go, a link keeps its
text, its address as written and its title (``text (https://... "title")``),
escapes are undone. What a page hides is kept as text too: a link reference
definition where it stands, an image's alt text and title in its caption
(unless the caption says them already), a code fence's info string with its
fences. No visible character of the source is lost.
`Turn.marker` is the label's plain form (``"NAME: "``) for a label found
by markup, and what was written for a plain label.

The package, by concern: `escape` (the escaping rules), `layout` (what the
writer and the reader of its layout share), `writer`, `front_matter` (YAML
with positions), `own_layout` (the reader of the writer's layout), `human`,
`human_front_matter` and `human_kept` (the reader of Markdown as people
write it, and what it keeps that a page hides).
"""

from __future__ import annotations

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats.markdown.front_matter import split_front_matter
from interviewkit.formats.markdown.human import human_document
from interviewkit.formats.markdown.layout import NAME, VERSION
from interviewkit.formats.markdown.own_layout import own_document
from interviewkit.formats.markdown.writer import dumps
from interviewkit.model import Interview

__all__ = ["FORMAT", "VERSION", "dumps"]


def _read(document: Document, options: ReadOptions) -> Interview:
    lines, matter, body = split_front_matter(document.text)
    if matter is not None and "interviewkit" in matter.names():
        return own_document(lines, matter, body)
    return human_document(lines, matter, body, options, document)


FORMAT = Format(
    name=NAME,
    suffixes=(".md", ".markdown"),
    reader=_read,
    writer=dumps,
    options=frozenset(attrs.fields_dict(ReadOptions)),
    description="Markdown with YAML front matter, for people and sites",
)
