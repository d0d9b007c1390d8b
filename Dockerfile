# One image for all four services; the command picks the service:
#   docker run reviewloop python -m services.ingest
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY shared ./shared
COPY services ./services
RUN python -m venv /venv \
 && /venv/bin/pip install -c constraints.txt ".[embedding]"

FROM python:3.11-slim
# No compilers or pip caches in the final image; the venv holds everything.
COPY --from=build /venv /venv
RUN useradd --system --uid 10001 --no-create-home reviewloop
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
USER 10001
# Exec form: Python is PID 1 and receives SIGTERM for the graceful consumer shutdown.
CMD ["python", "-m", "services.ingest"]
