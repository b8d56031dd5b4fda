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
