"""The co-production companion: the guide's words (guide.py) and its public
pages (a group's agreement, a meeting's surveys). Staff pages are in
admin/coproduction."""
