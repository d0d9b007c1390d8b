"""The seed's producer process: `python -m bench.responder.produce PLAN`.

Reads the pickled `data.Plan` from the file PLAN and writes frames to stdout, each an 8-byte
big-endian length and a pickle: `data.Rows` chunks, then a dict of figures (or `{"error": ...}`).
"""

import pickle
import sys
from pathlib import Path

from bench.responder import data


def main(argv: list[str]) -> int:
    plan = pickle.loads(Path(argv[0]).read_bytes())
    out = sys.stdout.buffer

    def emit(item: object) -> None:
        blob = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(len(blob).to_bytes(8, "big"))
        out.write(blob)
        out.flush()

    try:
        data.produce(plan, emit)
    except Exception as exc:
        emit({"error": repr(exc)})
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
