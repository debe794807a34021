"""A document's context: what the configuration says about it, passed forward to the
Document when it is built (never written back)."""
from __future__ import annotations


TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any, Optional


class Context:
    """What the configuration says about a document, given when it is built and never
    changed: the document types to recognise it among (None: the built-in ones), the
    one forced on it (--profile, a per-file ``profile:``), and the arithmetic vocabulary
    (None: the built-in one).  ``profiles.profile_of`` and ``vocab.vocab_of`` read it."""

    # A plain class, as the other records on the start-up path: making a dataclass
    # generates and compiles its methods, about a millisecond at every start.
    __slots__ = ("profiles", "profile", "vocab")

    def __init__(self, profiles: Optional[dict] = None, profile: Optional[str] = None,
                 vocab: Any = None):
        self.profiles, self.profile, self.vocab = profiles, profile, vocab


NO_CONTEXT = Context()
