"""Command-line jobs: `flask --app kiosk <command>`."""

import sys

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from admin import accounts
from kiosk import storage


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create the database (or bring it up to date) and the sites in config.toml."""
    db = storage.open_database(current_app.config["DATABASE"])
    storage.save_sites(db, current_app.config["SITES"])
    click.echo(f"Database ready: {current_app.config['DATABASE']}")
    db.close()


@click.command("create-user")
@click.argument("name")
@with_appcontext
def create_user(name: str) -> None:
    """Add a staff account. The password is asked for twice, or read from
    standard input when that is not a terminal (for scripts)."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    problem = accounts.password_problem(password)
    if problem:
        raise click.ClickException(problem)
    db = storage.open_database(current_app.config["DATABASE"])
    if not storage.create_staff(db, name, accounts.hash_password(password)):
        raise click.ClickException(f"There is already an account called {name}.")
    storage.audit(db, name, "account created on the command line")
    click.echo(f"Account created: {name}")
    db.close()


def init_app(app: Flask) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(create_user)
