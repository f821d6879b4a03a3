"""The code shows the design: each part has one home, and the parts depend on
each other one way only. The kiosk's parts never import the staff area; only
the app, which puts everything together, does."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The app: where the kiosk's parts and the staff area meet.
MAY_IMPORT_ADMIN = {
    "kiosk/app/factory.py",
    "kiosk/app/commands.py",
    "kiosk/app/schedule.py",
    "kiosk/__main__.py",
}
PARTS = {"app", "coproduction", "feedback", "storage", "surveys"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def kiosk_modules():
    for path in sorted((ROOT / "kiosk").rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), imported_modules(path)


def test_only_the_app_imports_the_staff_area():
    importing_admin = {
        name
        for name, imports in kiosk_modules()
        if any(m == "admin" or m.startswith("admin.") for m in imports)
    }
    assert importing_admin <= MAY_IMPORT_ADMIN
    assert importing_admin, "the app registers the staff area somewhere"


def test_storage_speaks_to_nothing_above_it():
    """Storage is the only SQL, and works without Flask or any page."""
    for name, imports in kiosk_modules():
        if name.startswith("kiosk/storage/"):
            above = {m for m in imports if m.startswith(("kiosk.app", "kiosk.feedback.views"))}
            assert not above - {"kiosk.app.text_direction"}, name
            assert "flask" not in imports, name


def test_each_part_has_its_own_package_and_nothing_is_left_loose():
    kiosk = ROOT / "kiosk"
    packages = {p.name for p in kiosk.iterdir() if (p / "__init__.py").exists()}
    assert PARTS == packages
    loose = {p.name for p in kiosk.glob("*.py")}
    # The package's door (create_app), `python -m kiosk`, and gunicorn's two files.
    assert {"__init__.py", "__main__.py", "wsgi.py", "gunicorn_conf.py"} == loose
