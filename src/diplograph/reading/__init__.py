"""Reading one release: bytes → text → :class:`~diplograph.model.Release`, with no file-system access.

The pure functions the readers of files share — :mod:`diplograph.sources` (text, HTML and
JSONL files, folders) and :mod:`diplograph.warc` (web archives) — from the bottom up:
:mod:`.text` (the canonical form of text, its letters), :mod:`.decoding` (bytes → text),
:mod:`.html_article` (a page → its article), :mod:`.layout` (text → headline, date, body,
address), :mod:`.release_bytes` (a file's bytes → a release). :mod:`diplograph.sources`
re-exports them, and is where callers import them from.
"""
