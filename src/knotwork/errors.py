"""The one base class for every "this cannot be done" knotwork raises.

Every layer (domain, stores, exports, services, adapters) imports it, so it
lives beside ``paths`` and ``config``, outside the layers. The adapters map it
once: the CLI exits 2 with the message, the web app answers 4xx
problem+json. Its subclasses' messages are written for people, never paths,
SQL or stack traces.
"""

from __future__ import annotations


class KnotworkError(ValueError):
    """A request knotwork refuses or cannot carry out; the message says why.

    It stays a ``ValueError`` so code that already catches bad values (pydantic
    validators, form handlers) keeps working.
    """
