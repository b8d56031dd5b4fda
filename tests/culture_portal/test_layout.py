"""The house's floors: imports run from the project down to the shared apps, never up
(the contracts are in pyproject.toml; `make check` runs them too)."""

from pathlib import Path

from django.conf import settings
from importlinter.cli import lint_imports


def test_imports_run_one_way(capsys, monkeypatch):
    monkeypatch.chdir(Path(settings.BASE_DIR))
    assert lint_imports(no_cache=True, no_logo=True) == 0, capsys.readouterr().out


def test_every_app_of_ours_is_on_a_floor():
    import tomllib

    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    listed = set(config["tool"]["importlinter"]["root_packages"])
    ours = {
        app.split(".")[0]
        for app in settings.INSTALLED_APPS
        if (Path(settings.BASE_DIR) / app.split(".")[0]).is_dir()
    }
    assert ours == listed


def test_the_tests_need_nothing_outside_the_repository():
    """A clone alone passes `make test`: test data lives in tests/ (DESIGN.md), and only the CI
    smoke step reads the department's seed files beside the repository."""
    root = Path(settings.BASE_DIR)
    outside = [
        str(path.relative_to(root))
        for path in (root / "tests").rglob("*.py")
        if path != Path(__file__)
        and any(
            marker in path.read_text(encoding="utf-8")
            for marker in ('"shared"', "'shared'", "../shared", "parents[3]")
        )
    ]
    assert outside == []
