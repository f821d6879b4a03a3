"""The staff area. Its pages arrive with the staff-area issue; the blueprint is
registered now so every staff route lands under /admin and one guard."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")
