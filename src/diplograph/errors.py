"""The exceptions diplograph raises, in one tree.

Every error a user can cause derives from :class:`DiplographError` and carries a
one-line message that names what went wrong and where (file, line), so the CLI
can print it without a traceback::

    DiplographError
    ├── InputError          a release could not be read (the rest of a batch goes on)
    │   ├── DecodeError     bytes that are not text in a known encoding
    │   ├── NoContentError  empty, whitespace only, or no article body
    │   │   └── ScriptError text in neither Thai nor Latin script (Lao, Khmer, Chinese …)
    │   ├── DuplicateIdError two inputs of one command give one release id with different texts
    │   └── InternalError   an unexpected exception while processing one release: a bug
    ├── ValidationError     the shapes could not be run (not: the graph violates them)
    ├── StoreError          the store could not be opened, locked or written
    ├── QueryError          a query or one of its parameters is invalid
    ├── NothingToShow       a valid selection with nothing in it to draw or measure (exit 1)
    └── ResourceNotFound    a shipped file (ontology, shapes, query) is missing

Anything else that escapes is a bug: the command line shows it as one line
(``internal error: …``) and a traceback only with ``--debug``.

Validation results are data (:class:`diplograph.validate.ValidationReport`);
only a failure *to* validate raises.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose."""


class InputError(DiplographError):
    """A release could not be read; ``source`` names the file (and line)."""

    def __init__(self, source: str, cause: str) -> None:
        super().__init__(f"{source}: {cause}")
        self.source = source
        self.cause = cause


class DecodeError(InputError):
    """The bytes are not text in UTF-8, UTF-16 or Windows-874/TIS-620."""


class NoContentError(InputError):
    """The file holds no release text (empty, whitespace, no article)."""


class ScriptError(NoContentError):
    """The text is mostly in a script other than Thai or Latin (a Lao or Chinese page)."""


class DuplicateIdError(InputError):
    """Another input of the same command gives this release the same id with a different text.

    The id is a file's name without extension (a JSONL line's id), and the release's IRI comes from
    it: the two would be merged into one release, so neither file is read (see :mod:`diplograph.inputs`).
    """


class InternalError(InputError):
    """An unexpected exception while processing one release — a bug in diplograph.

    It names the release, so a batch can report it and go on; the original
    exception is its ``__cause__`` (``--debug`` shows its traceback).
    """

    @classmethod
    def wrap(cls, source: str, exc: BaseException) -> InternalError:
        detail = " ".join(str(exc).split())[:200]
        error = cls(source, f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
                            "this is a bug in diplograph — run with --debug for the traceback and report it")
        error.__cause__ = exc
        return error


class ValidationError(DiplographError):
    """The SHACL engine could not run (bad shapes or unreadable data)."""


class StoreError(DiplographError):
    """The store could not be opened, locked or written."""


class QueryError(DiplographError):
    """A query is unknown or malformed, or a parameter value is invalid."""


class NothingToShow(DiplographError):
    """The question was valid but its answer is empty: no meeting in the view, the period or
    between the countries asked. A picture of nothing would look like a picture of something (an
    empty chart with made-up axis ticks), so drawing functions raise this instead; the command
    line says it in one line and exits 1."""


class ResourceNotFound(DiplographError):
    """A file that ships with diplograph could not be found."""
