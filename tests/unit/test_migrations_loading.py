from pathlib import Path

from shared.db.migrations import load_migrations, service_migrations


def test_shared_migrations_come_first_then_the_service_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "0002_b.sql").write_text("SELECT 2;")
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    versions = [m.version for m in service_migrations("svc", tmp_path)]
    assert versions[0].startswith("shared:")
    assert versions[-2:] == ["svc:0001_a", "svc:0002_b"]


def test_checksum_changes_with_the_sql(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    before = load_migrations("svc", tmp_path)[0].checksum
    (tmp_path / "0001_a.sql").write_text("SELECT 2;")
    assert load_migrations("svc", tmp_path)[0].checksum != before


def test_a_service_without_a_migrations_folder_gets_the_shared_ones(tmp_path: Path) -> None:
    assert service_migrations("svc", tmp_path / "missing")
