"""`flask --app kiosk backup PATH` and `restore PATH`: every database file
copied while the server serves, and put back only when asked plainly.

A backup folder holds one checked copy of each file under its own name
(kiosk.db and kiosk-staff.db beside it, or whatever DATABASE is called). The
copies hold children's words: the folder is made private, like instance/.
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk import storage

# Set by create_app: the database files it had to create at this start. A
# file that was there before is in use, and restore leaves it alone unless told.
NEW_FILES = "kiosk.new_database_files"


class Refused(ValueError):
    """A folder that backup or restore must not use, or a database restore must
    not overwrite; says why, plainly."""


class Stopped(RuntimeError):
    """A restore that failed part-way (the disk full, say): what was restored
    before, and the file that was left as it was, and why."""

    def __init__(self, restored: list[str], problem: str):
        super().__init__(problem)
        self.restored = restored


@dataclass(frozen=True)
class DatabaseFile:
    kind: str  # "answers" or "staff", as copies.kind_of says
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def database_files(database: str) -> list[DatabaseFile]:
    """Every file the app keeps: the answers file and the staff file beside it."""
    return [
        DatabaseFile("answers", Path(database)),
        DatabaseFile("staff", Path(storage.staff_path(database))),
    ]


def back_up(database: str, folder: Path) -> list[str]:
    """Copy every database file into folder (made if missing); what was written,
    one line each. storage.NotACopy when a copy fails its check."""
    refuse_the_live_folder(database, folder, "write a backup into")
    folder.mkdir(mode=storage.PRIVATE_FOLDER, parents=True, exist_ok=True)
    written = []
    for file in database_files(database):
        copy = folder / file.name
        storage.write_copy(file.path, copy)
        written.append(f"{copy} ({file.kind}, {size_in_words(copy.stat().st_size)}, checked)")
    return written


def size_in_words(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def copies_in(database: str, folder: Path) -> list[tuple[Path, DatabaseFile]]:
    """Each copy in a backup folder with the file it goes back to, every one
    checked first; Refused, saying why, if any is missing or unsound."""
    refuse_the_live_folder(database, folder, "restore from")
    if not folder.is_dir():
        raise Refused(f"{folder} is not a folder. Give the folder a backup was written to.")
    pairs = []
    for file in database_files(database):
        copy = folder / file.name
        if not copy.exists():
            raise Refused(f"{folder} is not a backup of this app: it has no {file.name}.")
        try:
            kind = storage.kind_of(copy)
        except storage.NotACopy as problem:
            raise Refused(str(problem)) from problem
        if kind != file.kind:
            raise Refused(f"{copy} is a copy of the {kind} file, not the {file.kind} file.")
        pairs.append((copy, file))
    return pairs


def restore(database: str, folder: Path, new_files: set[str], replace: bool) -> list[str]:
    """Put every copy in folder back; what was restored, one line each.

    Nothing is changed unless every copy is sound and, for a database that was
    there before this command started, replace is True."""
    pairs = copies_in(database, folder)
    in_use = [file.name for _, file in pairs if str(file.path) not in new_files]
    if in_use and not replace:
        raise Refused(
            f"There is already a database here ({', '.join(in_use)}), and restoring would"
            " replace everything in it. Stop the server, then run restore again with --replace."
        )
    restored = []
    for copy, file in pairs:
        try:
            storage.put_back(copy, file.path)
        except (sqlite3.Error, OSError) as problem:
            raise Stopped(restored, f"{file.path} is as it was: {problem}") from problem
        restored.append(f"{file.path} (from {copy})")
    return restored


def refuse_the_live_folder(database: str, folder: Path, doing: str) -> None:
    """The database's own folder is never a backup: a copy named like the live
    file would be renamed over it while the server has it open."""
    live = Path(database).resolve().parent
    if folder.resolve() == live:
        raise Refused(f"{folder} is where the database itself is kept: I cannot {doing} it.")


def new_files(database: str) -> set[str]:
    """For create_app, before it opens the files: those that are not there yet."""
    return {str(file.path) for file in database_files(database) if not os.path.exists(file.path)}
