"""The reading engine: how interviews are laid out, for every reader of text.

Plain text, Markdown, and every other format of human-written text (Word,
HTML) read through here, so the same words read the same in every format. A
reader knows its own syntax (where a paragraph starts, what bold looks
like); the engine knows how interviews are laid out. The package, by
concern:

- `vocabulary`: the words the engine knows (role words such as ``Q`` and
  ``Interviewer``, words that introduce prose, honorifics, credit lines),
  as data in ``vocabulary.json``.
- `labels`: where a line starts with a speaker label or a time stamp
  (`find_label`), and how surely a string is a label (`label_shape`).
- `blocks`: what a paragraph is when it is not speech: a caption
  (`caption_from_lines`), a note, a link or a closing line (`prose_kind`),
  a cast list (`parse_cast`).
- `records`: the `Paragraph` and `CastEntry` records a reader hands over.
- `paragraphs`: the `Assembler`, which turns a reader's lines into
  paragraphs: labels found, paragraphs cut at labelled lines, cast lists
  read, a label alone joined to the speech below it.
- `cast`: the people, label by label: full names, surnames, initials,
  short forms, and how the prose cases a name.
- `classify`: what every unlabelled paragraph is, by its words and place.
- `roles`: who asks and who answers.
- `resolve`: the whole: `resolve(paragraphs, options)` returns the cast and
  the body, ready for an `Interview`.
- `guesses`: what `resolve` guessed (labels taken for speakers, roles
  inferred, paragraphs given or kept as prose), with the lines, collected
  only when a caller asks (`interviewkit.explain`).

A reader's whole job::

    assembler = Assembler()
    assembler.add_lines(["DARREN STAR: Yeah.", "Why Paris?"], line=1)
    assembler.add(Paragraph(text="", block=caption))   # what its markup says
    speakers, body = resolve(assembler.paragraphs(), options)

`resolve` raises nothing of its own; the reader reports its syntax errors
with their positions. Every rule works line by line or on bounded prefixes
and the indexes are dictionaries, so reading is linear in the document.
"""

from interviewkit._options import ReadOptions
from interviewkit._reading.blocks import (
    asks,
    caption_from_lines,
    parse_cast,
    prose_kind,
)
from interviewkit._reading.cast import speaker_id
from interviewkit._reading.labels import LabelMatch, find_label, label_shape
from interviewkit._reading.paragraphs import Assembler
from interviewkit._reading.records import CastEntry, Paragraph
from interviewkit._reading.resolve import resolve

__all__ = [
    "Assembler",
    "CastEntry",
    "LabelMatch",
    "Paragraph",
    "ReadOptions",
    "asks",
    "caption_from_lines",
    "find_label",
    "label_shape",
    "parse_cast",
    "prose_kind",
    "resolve",
    "speaker_id",
]
