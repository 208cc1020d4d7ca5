"""`python -m pressqa`."""

from pressqa.cli import main

main()
