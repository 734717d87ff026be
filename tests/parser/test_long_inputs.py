"""Long runs of what minutes are made of never make the parser scan quadratically: each of
these finishes in well under a second; the limit only catches a run that would hang."""

from __future__ import annotations

import subprocess
import sys

import pytest

LONG_INPUTS = {
    "honorifics without commas": "'Present: ' + 'Mr Mr Mr Cllr ' * 20000",
    "a flattened list of names": "'Present: ' + 'Mr A Smith Mrs B Jones ' * 20000",
    "apologies listed line by line": (
        "'1. Apologies\\n\\nThe following Members had sent their apologies:\\n'"
        " + 'Cllr A Smith - substituted by Cllr B\\n' * 20000"
    ),
    "one long decision": "'RESOLVED that ' + 'the report be noted and ' * 50000",
    "motions on every line": "'\\n'.join(['Proposed by Councillor A'] * 20000)",
    "numbered lines": "'\\n'.join(f'{i}. Title number {i}' for i in range(1, 20000))",
    # flattened pages (one line holding many headings, see parser/flattened.py)
    "flattened: numbered headings on one line": (
        "' '.join(f'{i} HEADING WORDS HERE Text of the item follows.' for i in range(1, 10000))"
    ),
    "flattened: upper-case headings on one line": "'Text ends. HEADING WORDS Then more. ' * 10000",
    "flattened: one upper-case word after a stop": "'Text ends. ' + 'A' * 1000000 + ' The end.'",
    "flattened: numbers out of sequence": "' '.join(f'{i * 7 % 1000} Word' for i in range(200000))",
}


@pytest.mark.parametrize("expression", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_long_inputs_finish(expression: str) -> None:
    program = (
        "from scrutiny_tui.parser import parse_text\n"
        f"document = parse_text({expression})\n"
        "print(len(document.items))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 0
