"""The wheel installs one import name, `allegraph`, and lives next to PyPI's `schema` (issue 16).

The wheel is built from a copy of the sources, so a stale `build/` directory in the checkout
cannot leak old top-level packages into it. It is installed by pip into a fresh venv whose
site-packages already holds PyPI's `schema` (the name Allegraph's old top-level `schema/`
shadowed there), and both are imported from outside the checkout. The fresh venv reaches the
other dependencies through a path entry to the dev venv's site-packages: a path entry's own
.pth files are not run, so the dev venv's editable install of Allegraph stays out of sight.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "allegraph"
IMPORT = """
import json, allegraph, allegraph.api, allegraph.graph, allegraph.ingest, allegraph.queries, allegraph.rdf, allegraph.schema
import schema
from schema import Schema
from allegraph.queries import registry
from allegraph.schema import SCHEMA_DIR
assert Schema(int).validate(3) == 3
print(json.dumps({"allegraph": allegraph.__file__, "schema": schema.__file__, "queries": len(registry()),
                  "vocabulary": (SCHEMA_DIR / "allegraph.ttl").is_file()}))
"""


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _pip(*args: str | Path, cwd: Path) -> str:
    """The dev venv's pip (the fresh venv has none): offline, quiet."""
    return _run(sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check", *args, cwd=cwd)


def _build(tmp: Path) -> Path:
    try:
        setuptools = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        setuptools = "0"
    if tuple(int(p) for p in setuptools.split(".")[:2]) < (70, 1):
        pytest.fail(f"setuptools {setuptools} cannot build the wheel offline: pip install -e '.[dev]'")
    source = tmp / "source"
    shutil.copytree(PACKAGE, source / "allegraph", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", tmp / "dist", source, cwd=tmp)
    [wheel] = (tmp / "dist").glob("allegraph-*.whl")
    return wheel


def _shipped_files() -> set[str]:
    """Every file of the package in the checkout: modules and data (queries, vocabulary, static)."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc" and not p.name.startswith(".")
    }


def _fresh_venv(tmp: Path) -> tuple[Path, Path]:
    """A venv without pip whose site-packages holds PyPI's schema, copied file by file from the dev venv."""
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).strip())
    try:
        pypi_schema = importlib.metadata.distribution("schema")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("PyPI's schema is a dev dependency: pip install -e '.[dev]'")
    here = Path(sysconfig.get_paths()["purelib"])
    for file in pypi_schema.files or []:
        path = Path(str(pypi_schema.locate_file(file)))
        if path.is_file() and here in path.parents and "__pycache__" not in path.parts:
            target = purelib / path.relative_to(here)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    assert (purelib / "schema.py").is_file() or (purelib / "schema").is_dir(), "PyPI's schema was not copied"
    # the other dependencies: a path entry, whose .pth files (the editable finder) are not run
    (purelib / "allegraph_test_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return python, purelib


def test_the_wheel_installs_one_name_next_to_pypi_schema(tmp_path: Path) -> None:
    wheel = _build(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    top = {n.split("/")[0] for n in names}
    assert top == {"allegraph", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}, top
    missing = _shipped_files() - names
    assert not missing, f"files of allegraph/ missing from the wheel (package-data?): {sorted(missing)}"

    python, purelib = _fresh_venv(tmp_path)
    _pip("--python", python, "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["ALLEGRAPH_HOME"] = str(tmp_path / "home")
    seen = json.loads(_run(python, "-c", IMPORT, cwd=tmp_path, env=env))
    assert Path(seen["allegraph"]).is_relative_to(purelib), f"allegraph imported from {seen['allegraph']}"
    assert Path(seen["schema"]).is_relative_to(purelib), f"PyPI's schema imported from {seen['schema']}"
    assert seen["queries"] > 0 and seen["vocabulary"], "the installed package lacks its data files"

    help_text = _run(python.parent / "allegraph", "--help", cwd=tmp_path, env=env)
    assert "ingest" in help_text and "serve" in help_text
