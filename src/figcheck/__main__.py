"""``python -m figcheck``: the same as the ``figcheck`` command."""

from .cli import main

if __name__ == "__main__":
    main()
