import sys

from perspectives.cli.main import main

sys.exit(main())
