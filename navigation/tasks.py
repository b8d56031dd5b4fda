"""What waits for each staff member, shown first on the admin's home page.

Each app registers, in its admin.py, a function of the signed-in user that returns the
`Task`s it has for them (`@tasks.register`): articles waiting for review for a publisher,
proposals and reports for a leader, a returned report for institution staff…
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    label: str  # "Tin chờ duyệt"
    count: int  # how many wait (0: shown as a link only when `always`)
    url: str  # where they are listed
    always: bool = False  # a page the role opens often, even when nothing waits there


_providers: list[Callable] = []


def register(provider: Callable) -> Callable:
    _providers.append(provider)
    return provider


def tasks_for(user) -> list[Task]:
    found = [task for provider in _providers for task in provider(user)]
    return [task for task in found if task.count or task.always]
