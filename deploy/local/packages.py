"""What the local stack needs installed, and installing it: PostgreSQL, a JRE and Maven from
apt, the Kafka jars from Maven Central (into the user's cache), Chromium for the browser tests."""

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

from deploy.local.launcher import run
from deploy.local.layout import (
    KAFKA_CONF_DIR,
    KAFKA_VERSION,
    StackError,
    cache_dir,
    is_root,
    kafka_home,
    kafka_lib,
    log,
    stack_lock,
)

KAFKA_POM = KAFKA_CONF_DIR / "pom.xml"


def _pg_bindirs() -> dict[int, Path]:
    found: dict[int, Path] = {}
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        version = initdb.parent.parent.name
        if version.isdigit() and (initdb.parent / "pg_ctl").exists():
            found[int(version)] = initdb.parent
    return found


def pg_bindir(data_dir: Path | None = None) -> Path | None:
    """Server binaries; for an existing cluster the ones matching its PG_VERSION.

    A later ``apt-get install postgresql`` may bring a newer major version, which cannot open an
    older data directory.
    """
    bindirs = _pg_bindirs()
    if data_dir is not None:
        with contextlib.suppress(OSError, ValueError):
            version = int((data_dir / "PG_VERSION").read_text().strip())
            if version in bindirs:
                return bindirs[version]
            raise StackError(
                f"{data_dir} was created by PostgreSQL {version}, whose server binaries are not "
                f"installed (found: {sorted(bindirs) or 'none'}). Install postgresql-{version} "
                f"or run `clean` to start over."
            )
    if not bindirs:
        return None
    return bindirs[max(bindirs)]


def java() -> str | None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


def _apt_install(packages: Sequence[str]) -> None:
    cmd = f"apt-get update && apt-get install -y {' '.join(packages)}"
    if not is_root():
        raise StackError(f"missing system packages; run as root: {cmd}")
    if shutil.which("apt-get") is None:
        raise StackError(f"missing system packages {list(packages)} and no apt-get to install them")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log.info("installing %s with apt-get (one-off, may take a minute)", " ".join(packages))
    run(["apt-get", "update"], what="apt-get update", env=env)
    run(
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        what="apt-get install",
        env=env,
    )


def _kafka_marker() -> Path:
    return kafka_home() / "lib.complete"


def _pom_digest() -> str:
    return hashlib.sha256(KAFKA_POM.read_bytes()).hexdigest()


def kafka_jars_ready() -> bool:
    try:
        return _kafka_marker().read_text().strip() == _pom_digest() and kafka_lib().is_dir()
    except OSError:
        return False


def _fetch_kafka_jars() -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StackError("Maven (mvn) is required to fetch the Kafka jars; run `prereqs`")
    home = kafka_home()
    home.mkdir(parents=True, exist_ok=True)
    partial = home / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    log.info("fetching Kafka %s jars from Maven Central into %s", KAFKA_VERSION, kafka_lib())
    started = time.monotonic()
    run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(KAFKA_POM),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={partial}",
        ],
        what="mvn dependency:copy-dependencies",
    )
    if not any(partial.glob(f"kafka_2.13-{KAFKA_VERSION}.jar")):
        raise StackError(f"mvn finished but {partial} has no kafka_2.13-{KAFKA_VERSION}.jar")
    # Swap in the complete directory and only then write the marker: an interrupted download
    # leaves no marker and is redone next time.
    _kafka_marker().unlink(missing_ok=True)
    shutil.rmtree(kafka_lib(), ignore_errors=True)
    partial.rename(kafka_lib())
    _kafka_marker().write_text(_pom_digest() + "\n")
    log.info("Kafka jars ready (%.1fs)", time.monotonic() - started)


def ensure_kafka_jars() -> None:
    if kafka_jars_ready():
        return
    with stack_lock():
        if not kafka_jars_ready():
            _fetch_kafka_jars()


# The Helm chart's tests render it with this helm (deploy/helm), built from the Go module proxy
# with the machine's Go once and cached like the Kafka jars.
HELM_MODULE = "helm.sh/helm/v4/cmd/helm"
HELM_VERSION = "v4.3.2"
# Where Go's own installer puts it, often not on a non-login shell's PATH.
_GO_HOMES = ("/usr/local/go/bin/go", "/usr/lib/go/bin/go")


def helm_path() -> Path:
    return cache_dir() / f"helm-{HELM_VERSION}" / "helm"


def ensure_helm() -> Path:
    """The cached helm binary, built first if missing (`go install`, a few minutes once)."""
    target = helm_path()
    if target.is_file():
        return target
    go = shutil.which("go") or next((p for p in _GO_HOMES if Path(p).is_file()), None)
    if go is None:
        _apt_install(["golang-go"])
        go = shutil.which("go")
    if go is None:
        raise StackError("Go is required to build helm; install golang-go")
    with stack_lock():
        if target.is_file():
            return target
        partial = target.parent / "bin.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        log.info("building helm %s with %s (once)", HELM_VERSION, go)
        started = time.monotonic()
        run(
            [go, "install", f"{HELM_MODULE}@{HELM_VERSION}"],
            what="go install helm",
            env={**os.environ, "GOBIN": str(partial), "CGO_ENABLED": "0"},
        )
        (partial / "helm").rename(target)
        shutil.rmtree(partial, ignore_errors=True)
        log.info("helm ready (%.1fs)", time.monotonic() - started)
    return target


def install_prerequisites(*, browser: bool = False) -> None:
    """Install what the local stack needs: PostgreSQL server, a JRE, Maven, the Kafka jars;
    with ``browser`` also Chromium and its driver for the browser tests (``prereqs``, which
    ``stack test`` and so CI run; the fixtures do not ask for it, so a developer without root
    is not stopped by a browser only some tests use).

    Idempotent and fast (a few stat calls) when everything is present.
    """
    with stack_lock():
        missing: list[str] = []
        if browser and shutil.which("chromium") is None:
            missing.append("chromium")
        if browser and shutil.which("chromedriver") is None:
            missing.append("chromium-driver")
        if pg_bindir() is None:
            missing.append("postgresql")
        if java() is None:
            missing.append("openjdk-17-jre-headless")
        if not kafka_jars_ready() and shutil.which("mvn") is None:
            missing.append("maven")
        if missing:
            _apt_install(missing)
        if pg_bindir() is None:
            raise StackError("PostgreSQL server binaries still missing under /usr/lib/postgresql")
        if java() is None:
            raise StackError("java still not found after installing openjdk-17-jre-headless")
        ensure_kafka_jars()
    ensure_helm()
