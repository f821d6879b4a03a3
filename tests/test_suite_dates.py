"""The tests read the date when each test runs, never when pytest imports their file.

The app reads the real date at each request. A date a test file read at import
(`TODAY = datetime.date.today()`) is yesterday's once a run crosses midnight, and
tests comparing it with the app's today fail. Tests take the `today` fixture
(tests/conftest.py) or call datetime.date.today() when they run instead."""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
CLOCK_READS = {"today", "now", "utcnow"}  # date.today(), datetime.now(), datetime.utcnow()


def reads_the_clock(node: ast.AST) -> bool:
    """Whether evaluating `node` calls today()/now()/utcnow(); a lambda's body
    runs later (st.deferred, st.builds), so it does not count."""
    if isinstance(node, ast.Lambda):
        return False
    if isinstance(node, ast.Call):
        called = node.func
        name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", None)
        if name in CLOCK_READS:
            return True
    return any(reads_the_clock(child) for child in ast.iter_child_nodes(node))


def import_time_expressions(statements):
    """What Python evaluates when it imports a module: assignments at module and
    class level (inside if/try/with too), decorators and default arguments."""
    for statement in statements:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from statement.decorator_list
            yield from statement.args.defaults
            yield from (d for d in statement.args.kw_defaults if d is not None)
        elif isinstance(statement, ast.ClassDef):
            yield from statement.decorator_list
            yield from import_time_expressions(statement.body)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            if statement.value is not None:
                yield statement
        else:
            for field in ("body", "orelse", "finalbody", "handlers"):
                yield from import_time_expressions(getattr(statement, field, []))


def clock_reads_at_import(source: str, filename: str) -> list[str]:
    tree = ast.parse(source, filename)
    return [
        f"{filename}:{node.lineno}: {ast.unparse(node).splitlines()[0]}"
        for node in import_time_expressions(tree.body)
        if reads_the_clock(node)
    ]


def test_no_test_file_reads_the_date_when_it_is_imported():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        found += clock_reads_at_import(path.read_text(), str(path.relative_to(TESTS.parent)))
    assert [] == found, "read the date when the test runs (the `today` fixture):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    "source",
    [
        "TODAY = datetime.date.today()",
        "TODAY = date.today().isoformat()",
        "AT_NINE = datetime.datetime.combine(datetime.date.today(), datetime.time(9))",
        "LONG_AGO = datetime.date.today() - datetime.timedelta(days=400)",
        "NOW: datetime.datetime = datetime.datetime.now(datetime.UTC)",
        "STAMP = datetime.datetime.utcnow()",
        "if True:\n    TODAY = today()",
        "class Dates:\n    today = datetime.date.today()",
        "def plan(db, day=datetime.date.today()): ...",
        "@pytest.mark.parametrize('day', [datetime.date.today()])\ndef test_it(day): ...",
    ],
)
def test_a_date_read_at_import_is_found(source):
    assert 1 == len(clock_reads_at_import(source, "tests/test_x.py"))


@pytest.mark.parametrize(
    "source",
    [
        "def test_it():\n    today = datetime.date.today()",
        "def plan(db, day=None):\n    day = day or datetime.date.today()",
        "DAYS = st.deferred(lambda: st.just(datetime.date.today()))",
        "DAYS = st.builds(datetime.date.today)",
        "A_DAY = datetime.date(2026, 11, 27)",
    ],
)
def test_a_date_read_when_the_test_runs_is_not_found(source):
    assert [] == clock_reads_at_import(source, "tests/test_x.py")
