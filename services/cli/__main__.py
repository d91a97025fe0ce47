"""``python -m services.cli``: the ``wsm`` command."""

import sys

from services.cli import main

sys.exit(main())
