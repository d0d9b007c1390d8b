"""python -m services.notifier"""

from services.notifier.app import build
from shared.http.app import serve

if __name__ == "__main__":
    app, runtime = build()
    serve(app, runtime)
