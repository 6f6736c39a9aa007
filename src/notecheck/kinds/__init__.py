"""Rule kinds: each module defines parameter dataclasses and ``check`` functions (see ``base``)."""
