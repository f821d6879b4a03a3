"""README.md as a newcomer follows it: its links open files that are in the
repository, every setting is named as the environment variable to set, and
the files and commands it points to exist."""

import re

from kiosk.app.factory import DEFAULTS, PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text()
# [words](target), ![picture](target), <img src="target">, <a href="target">
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|\b(?:src|href)=\"([^\"]+)\"")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def relative_links() -> list[str]:
    targets = [first or second for first, second in LINK.findall(README)]
    return [target for target in targets if not target.startswith(("https://", "#"))]


def test_the_readme_has_links_this_test_reads():
    # So the next test could fail: it sees the screenshots the README shows.
    assert {"docs/kiosk.png", "docs/feedback-box.png"} <= set(relative_links())


def test_every_relative_link_in_the_readme_opens_a_file_of_the_repository():
    missing = []
    for target in relative_links():
        path = (PROJECT_ROOT / target.split("#")[0]).resolve()
        if ":" in target or not path.is_relative_to(PROJECT_ROOT) or not path.exists():
            missing.append(target)
    assert [] == missing


def test_every_setting_is_named_in_full_as_an_environment_variable():
    settings = section("Settings")
    keys = [*DEFAULTS, "DATABASE", "SECRET_KEY", "WTF_CSRF_TIME_LIMIT"]
    assert [] == [key for key in keys if f"`KIOSK_{key}`" not in settings]
    serving = ["KIOSK_CONFIG", "KIOSK_HOST", "KIOSK_PORT", "KIOSK_BIND", "KIOSK_WORKERS"]
    assert [] == [name for name in serving if f"`{name}`" not in settings]


def test_every_deploy_file_the_readme_names_is_in_the_repository():
    named = set(re.findall(r"`(deploy/[\w.-]+)", README))
    assert "deploy/feedback-kiosk.service" in named
    assert [] == sorted(path for path in named if not (PROJECT_ROOT / path).is_file())
    shipped = {f"deploy/{path.name}" for path in (PROJECT_ROOT / "deploy").iterdir()}
    assert shipped <= named


def test_it_says_demo_data_runs_in_a_second_terminal_while_make_run_serves():
    two_commands = " ".join(section("Two commands").split())
    assert "in a second terminal, while `make run` goes on serving" in two_commands
    assert "KIOSK_HOST=0.0.0.0 make run" in two_commands
