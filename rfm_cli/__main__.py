"""``python -m rfm_cli``: the ``rfm`` command."""

import sys

from .main import main

sys.exit(main())
