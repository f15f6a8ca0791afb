"""The web app: pages, REST API and their security, over one core."""

from knotwork.kb.record import present_as_dataclasses

# FastAPI reads the records a route returns through ``dataclasses``.
present_as_dataclasses()
