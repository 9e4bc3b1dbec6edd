"""`python -m hikitsugi`."""

from hikitsugi.cli import main

main()
