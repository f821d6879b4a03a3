"""Command-line jobs: `flask --app kiosk <command>`."""

import click
from flask import Flask, current_app

from kiosk import storage


@click.command("init-db")
def init_db() -> None:
    """Create the database (or bring it up to date) and the sites in config.toml."""
    db = storage.open_database(current_app.config["DATABASE"])
    storage.save_sites(db, current_app.config["SITES"])
    click.echo(f"Database ready: {current_app.config['DATABASE']}")
    db.close()


def init_app(app: Flask) -> None:
    app.cli.add_command(init_db)
