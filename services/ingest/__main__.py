"""python -m services.ingest"""

from services.ingest.app import build
from shared.http.app import serve

if __name__ == "__main__":
    app, runtime = build()
    serve(app, runtime)
