"""Command-line jobs: `flask --app kiosk <command>`."""

import datetime
import random
import sys
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from admin import accounts, alerts
from admin import digest_job as digest
from kiosk import storage
from kiosk.app import backup, demo, demo_coproduction, languages, retention
from kiosk.surveys import tablets


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create the database (or bring it up to date) and the sites in config.toml."""
    db = storage.open_database(current_app.config["DATABASE"])
    storage.save_sites(db, current_app.config["SITES"], languages.ALL_CODES)
    db.close()
    staff_file = storage.staff_path(current_app.config["DATABASE"])
    storage.open_staff_database(staff_file).close()
    click.echo(f"Database ready: {current_app.config['DATABASE']} (staff records: {staff_file})")


@click.command("create-user")
@click.argument("name")
@click.option("--email", default="", help="Where alerts and password links go.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice(storage.ROLES),
    help="Repeat for more than one. Default: all three for the first account, staff after.",
)
@with_appcontext
def create_user(name: str, email: str, roles: tuple[str, ...]) -> None:
    """Add a staff account. The password is asked for twice, or read from
    standard input when that is not a terminal (for scripts)."""
    password_hash = accounts.hash_password(new_password())
    with staff_database() as db:
        if not roles:
            roles = storage.ROLES if not storage.count_staff(db) else (storage.STAFF,)
        if not storage.create_staff(db, name, password_hash, email, roles):
            raise click.ClickException(f"There is already an account called {name}.")
        storage.audit(db, name, "account created on the command line", ", ".join(roles))
    click.echo(f"Account created: {name} ({', '.join(storage.check_roles(roles))})")


@click.command("set-password")
@click.argument("name")
@with_appcontext
def set_password(name: str) -> None:
    """Give a staff account a new password (asked for twice, or read from
    standard input), and sign it out everywhere."""
    password_hash = accounts.hash_password(new_password())
    with staff_database() as db:
        if not storage.set_password_hash(db, name, password_hash):
            raise click.ClickException(f"There is no account called {name}.")
        storage.audit(db, name, "password changed on the command line; signed out everywhere")
    click.echo(f"New password set for {name}. Every sign-in of theirs has ended.")


def new_password() -> str:
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    problem = accounts.password_problem(password)
    if problem:
        raise click.ClickException(problem)
    return password


def staff_database():
    return storage.staff_file(current_app.config["DATABASE"])


@click.command("purge")
@with_appcontext
def purge() -> None:
    """Delete submissions, comments and taken-back ids older than RETENTION_DAYS,
    then rewrite the answers file in key order and empty its -wal file.

    The running server does this every day at DAILY_TIDY_TIME; this command is
    for a server that is often stopped at that time, or a timer you prefer.
    Starting the app, which this command does first, purges too: the count
    printed adds both.
    """
    db = storage.open_database(current_app.config["DATABASE"])
    with staff_database() as staff_db:
        purged = retention.daily_tidy(db, staff_db, current_app.config, "flask purge")
    at_start = current_app.extensions.get("kiosk.purged_at_start")
    total = purged + at_start if at_start else purged
    db.close()
    click.echo(
        f"Deleted {total.submissions} submissions, {total.comments} comments and"
        f" {total.withdrawn} taken-back ids dated before {total.kept_from.isoformat()}"
        f" (RETENTION_DAYS is {current_app.config['RETENTION_DAYS']})."
    )


@click.command("send-alerts")
@with_appcontext
def send_alerts() -> None:
    """Email the safeguarding leads now about every message that needs attention
    and has not been alerted yet (for a timer of your own; the running server
    does this by itself at ALERT_TIMES)."""
    click.echo(alerts.send_alerts(current_app._get_current_object()))


@click.command("send-digest")
@with_appcontext
def send_digest() -> None:
    """Email last week's digest now to every account that asks for it and has
    not had it yet (for a timer of your own; the running server does this by
    itself on DIGEST_DAY at DIGEST_TIME). Each account still gets each week's once."""
    click.echo(digest.send_digests(current_app._get_current_object(), datetime.datetime.now()))


@click.command("demo-data")
@click.option("--weeks", default=12, show_default=True, type=click.IntRange(1, 52))
@with_appcontext
def demo_data(weeks: int) -> None:
    """Fill an empty database with invented answers and comments for every open site."""
    config = current_app.config
    if weeks * 7 > config["RETENTION_DAYS"]:
        raise click.ClickException(
            f"RETENTION_DAYS is {config['RETENTION_DAYS']}: older weeks would be deleted"
            " at the next start. Ask for fewer weeks."
        )
    db = storage.open_database(config["DATABASE"])
    try:
        if demo.has_answers(db):
            raise click.ClickException(
                "This database already has answers or comments. Demo data only goes into an"
                " empty one, so invented answers never mix with children's real ones."
                " For a demo, use a new file: KIOSK_DATABASE=instance/demo.db."
            )
        sites = [site["slug"] for site in storage.list_sites(db) if not site["retired"]]
        if not sites:
            raise click.ClickException("Every site is retired: there is nowhere to add answers.")
        counts = demo.fill(
            db,
            sites=sites,
            weeks=weeks,
            today=datetime.date.today(),
            secret=config["SECRET_KEY"],
            topics=config["FEEDBACK_TOPICS"],
            concern_phrases=config.get("CONCERN_PHRASES"),
        )
        group = demo_coproduction.fill_coproduction(
            db,
            sites[0],
            datetime.date.today(),
            random.Random(),  # noqa: S311 (invented)
        )
    finally:
        db.close()
    click.echo(
        f"Added {counts.responses} invented responses and {counts.comments} comments"
        f" ({counts.concerns} needing attention, {counts.drawings} with a drawing)"
        f" for {len(sites)} sites over the last {weeks} weeks, and a co-production group"
        f" with its meetings (/admin/co-production/{group}). None of it is real."
    )


@click.command("enrol-tablet")
@click.argument("site")
@click.option("--name", default="", help="What staff see it called on the Sites page.")
@click.option(
    "--print-token",
    is_flag=True,
    help="Set up a tablet at once and print the token it would hold (load tests, monitoring).",
)
@with_appcontext
def enrol_tablet(site: str, name: str, print_token: bool) -> None:
    """Print a one-time link that sets up a tablet for SITE's kiosk (works once,
    for 30 minutes), or with --print-token, a set-up tablet's token."""
    config = current_app.config
    db = storage.open_database(config["DATABASE"])
    found = storage.find_site(db, site)
    db.close()
    if found is None:
        raise click.ClickException(f"There is no site called {site}.")
    name = tablets.tablet_name(name)
    with staff_database() as staff_db:
        if print_token:
            token = tablets.enrol_at_once(staff_db, site, name, datetime.date.today())
            storage.audit(staff_db, "command line", "set up a tablet", f"{site} {name}".strip())
            click.echo(token)
            return
        code = tablets.make_pairing_code(staff_db, site, name, config["SECRET_KEY"], time.time())
        storage.audit(staff_db, "command line", "made a tablet setup code", site)
    click.echo(
        f"Open this on the tablet (it works once, for {tablets.PAIRING_CODE_MINUTES} minutes):"
    )
    click.echo(f"  {tablets.enrol_link(config['PUBLIC_BASE_URL'], site, code)}")
    click.echo(f"or type this code on its setup screen: {tablets.shown_code(code)}")


@click.command("backup")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def backup_files(path: Path) -> None:
    """Copy every database file into the folder PATH (made if missing) while the
    server keeps serving: each copy holds every answer stored before it began,
    and is checked (PRAGMA integrity_check) before it is kept."""
    try:
        written = backup.back_up(current_app.config["DATABASE"], path)
    except (storage.NotACopy, backup.Refused, OSError) as problem:
        raise click.ClickException(f"The backup was not made: {problem}") from problem
    click.echo("Backup written and checked:")
    for line in written:
        click.echo(f"  {line}")
    click.echo("Keep SECRET_KEY (or instance/secret_key) safe too: receipt codes need it.")


@click.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite the database that is there now, and everything in it.",
)
@with_appcontext
def restore_files(path: Path, replace: bool) -> None:
    """Put back the database files from a backup folder PATH. Every copy is
    checked first; a database that is already here is only replaced with --replace."""
    config = current_app.config
    try:
        restored = backup.restore(
            config["DATABASE"], path, current_app.extensions[backup.NEW_FILES], replace
        )
    except backup.Refused as problem:
        click.echo(f"Nothing was restored. {problem}", err=True)
        sys.exit(2)
    except backup.Stopped as stopped:
        done = "; ".join(stopped.restored) or "nothing"
        raise click.ClickException(f"The restore stopped. Restored: {done}. {stopped}") from None
    click.echo("Restored:")
    for line in restored:
        click.echo(f"  {line}")


def init_app(app: Flask) -> None:
    app.cli.add_command(backup_files)
    app.cli.add_command(restore_files)
    app.cli.add_command(init_db)
    app.cli.add_command(create_user)
    app.cli.add_command(set_password)
    app.cli.add_command(purge)
    app.cli.add_command(send_alerts)
    app.cli.add_command(send_digest)
    app.cli.add_command(demo_data)
    app.cli.add_command(enrol_tablet)
