"""Settings from a bare environment: tools run, the app server refuses to start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARE = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root")}


def run(*args):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=BARE, capture_output=True, text=True, timeout=60
    )


def test_makemigrations_check_needs_no_secret_key():
    result = run("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr[-500:]
    assert "No changes detected" in result.stdout


def test_app_server_refuses_to_start_without_a_secret_key():
    result = run("-c", "import culture_portal.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_check_warns_about_a_missing_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env={**BARE, "ALLOWED_HOSTS": "portal.example.gov.vn"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "security.W009" in result.stderr + result.stdout
