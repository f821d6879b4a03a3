"""The co-production companion in the staff area, under /admin/co-production:
groups, the readiness check, the planning proforma, the group agreement,
meetings, and the six principles.

A group's page is made of sections, one a tool. Each tool's module adds its
own with @group_section, so the page lists them in a fixed order without the
group module knowing each tool.
"""

from collections.abc import Callable

# (order, template, function of the group giving the template's variables)
SECTIONS: list[tuple[int, str, Callable[[dict], dict]]] = []


def group_section(order: int, template: str):
    """Show `template` on every group's page, at `order` (smaller first), with
    the variables the decorated function gives for the group."""

    def register(make_context: Callable[[dict], dict]):
        SECTIONS.append((order, template, make_context))
        SECTIONS.sort(key=lambda section: section[0])
        return make_context

    return register


# Importing each module registers its routes on admin.bp and its sections.
from admin.coproduction import (  # noqa: E402, F401
    agreement,
    groups,
    meetings,
    plans,
    principles,
    readiness,
    results_export,
)
