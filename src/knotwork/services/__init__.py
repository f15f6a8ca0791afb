"""Use cases shared by the CLI and the web app, behind one core object."""

from knotwork.services.core import Knotwork

__all__ = ["Knotwork"]
