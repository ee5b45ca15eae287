"""``python -m desktop``, and the entry script of the frozen app (``build.spec``).

Absolute import: PyInstaller runs this file as a top-level script, outside the package.
Importing :mod:`desktop` first applies the PySide6 reference-count work-around.
"""

import sys

from desktop.app import main

sys.exit(main())
