"""``python -m textclean`` runs the CLI."""

from .cli import main

main()
