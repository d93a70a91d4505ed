"""The commands README.md opens with, read from README.md itself so that CI runs exactly what a
user is told to run (`python3 .ci/readme.py N` prints the N-th one: 1 starts the service, 2 runs
the tests). Standard library only: it runs before anything is installed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"^```(?:bash|sh)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def command(number: int, readme: Path = README) -> str:
    """The number-th fenced bash block of the README, as one line of shell."""
    blocks = [b.strip() for b in _BLOCK.findall(readme.read_text(encoding="utf-8"))]
    if not 1 <= number <= len(blocks) or not blocks[number - 1]:
        raise SystemExit(f"{readme} has no command number {number} (a ```bash block)")
    return blocks[number - 1]


if __name__ == "__main__":
    sys.stdout.write(command(int(sys.argv[1])) + "\n")
