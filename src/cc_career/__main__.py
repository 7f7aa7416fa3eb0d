"""Allow `python -m cc_career`."""

from cc_career.cli import main

main()
