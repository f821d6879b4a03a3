"""The only package that speaks SQL, through sqlite-utils.

Every function takes the database first, so it runs in tests without Flask.
One module per job: schema (migrations), database (connections and write
transactions), submissions, comments, sites, staff, summary. Import it as
`from kiosk import storage` and call `storage.record_submission(db, ...)`.
"""

from kiosk.storage.comments import (
    STATUSES,
    any_comment,
    comment_with_receipt,
    comments_for_site,
    comments_for_week,
    delete_comment,
    drawing_for,
    find_comment,
    receipt_in_use,
    record_comment,
    set_comment_hidden,
    set_comment_status,
    unreviewed_concerns_by_week,
    was_withdrawn,
    withdraw_comment,
)
from kiosk.storage.database import (
    close_thread_connections,
    connection_for_thread,
    open_database,
    writing,
)
from kiosk.storage.exports import comments_between, drawings_between
from kiosk.storage.retention import Purged, purge_old
from kiosk.storage.schema import migrations
from kiosk.storage.sites import (
    InvalidSite,
    add_site,
    find_site,
    list_sites,
    rename_site,
    save_sites,
    set_site_retired,
)
from kiosk.storage.staff import (
    audit,
    audit_entries,
    clear_failed_sign_ins,
    count_staff,
    create_staff,
    find_staff,
    note_failed_sign_in,
    save_setup_link,
    setup_link_is_valid,
    use_setup_link,
)
from kiosk.storage.submissions import (
    count_submissions,
    record_submission,
    submissions_for_site,
)
from kiosk.storage.summary import answer_counts
from kiosk.storage.you_said import (
    add_you_said,
    delete_you_said,
    find_you_said,
    you_said_entries,
)

__all__ = [
    "InvalidSite",
    "Purged",
    "add_site",
    "any_comment",
    "purge_old",
    "rename_site",
    "set_site_retired",
    "STATUSES",
    "add_you_said",
    "comments_for_week",
    "delete_comment",
    "delete_you_said",
    "find_comment",
    "find_you_said",
    "set_comment_hidden",
    "set_comment_status",
    "unreviewed_concerns_by_week",
    "you_said_entries",
    "answer_counts",
    "comments_between",
    "drawings_between",
    "audit",
    "audit_entries",
    "clear_failed_sign_ins",
    "close_thread_connections",
    "comment_with_receipt",
    "comments_for_site",
    "connection_for_thread",
    "count_staff",
    "count_submissions",
    "create_staff",
    "drawing_for",
    "find_site",
    "find_staff",
    "list_sites",
    "migrations",
    "note_failed_sign_in",
    "open_database",
    "receipt_in_use",
    "record_comment",
    "record_submission",
    "save_setup_link",
    "save_sites",
    "setup_link_is_valid",
    "submissions_for_site",
    "use_setup_link",
    "was_withdrawn",
    "withdraw_comment",
    "writing",
]
