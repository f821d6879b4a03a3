"""The only package that speaks SQL, through sqlite-utils.

Every function takes the database first, so it runs in tests without Flask.
One module per job: schema and staff_schema (migrations of the answers file
and of the staff file), database (connections and write transactions),
maintenance, submissions, comments, sites, staff, sign_ins, tablets, summary. Import it as
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
    PRIVATE_FOLDER,
    close_thread_connections,
    connection_for_thread,
    empty_the_wal,
    open_database,
    open_staff_database,
    staff_path,
    writing,
)
from kiosk.storage.exports import comments_between, drawings_between
from kiosk.storage.maintenance import rewrite_in_key_order
from kiosk.storage.retention import Purged, purge_old
from kiosk.storage.scheduled import claim_job
from kiosk.storage.schema import migrations
from kiosk.storage.sign_ins import (
    claim_a_try,
    end_session,
    end_sessions_of,
    failures,
    find_session,
    forget_old_sign_ins,
    open_session,
    take_back_a_try,
    touch_session,
)
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
    count_staff,
    create_staff,
    find_staff,
    save_setup_link,
    set_password_hash,
    setup_link_is_valid,
    use_setup_link,
)
from kiosk.storage.staff_schema import staff_migrations
from kiosk.storage.submissions import (
    count_submissions,
    record_submission,
    submissions_for_site,
)
from kiosk.storage.summary import answer_counts
from kiosk.storage.tablets import (
    enrol_tablet,
    find_tablet,
    pair_tablet,
    revoke_tablet,
    save_pairing_code,
    working_tablets,
)
from kiosk.storage.you_said import (
    add_you_said,
    delete_you_said,
    find_you_said,
    you_said_entries,
)

__all__ = [
    "enrol_tablet",
    "find_tablet",
    "pair_tablet",
    "revoke_tablet",
    "save_pairing_code",
    "working_tablets",
    "failures",
    "claim_job",
    "PRIVATE_FOLDER",
    "empty_the_wal",
    "open_staff_database",
    "staff_path",
    "rewrite_in_key_order",
    "claim_a_try",
    "end_session",
    "end_sessions_of",
    "find_session",
    "forget_old_sign_ins",
    "open_session",
    "take_back_a_try",
    "touch_session",
    "set_password_hash",
    "staff_migrations",
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
