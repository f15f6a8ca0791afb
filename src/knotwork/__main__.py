"""Run knotwork with ``python -m knotwork``."""

import sys

from knotwork.cli.main import main

sys.exit(main())
