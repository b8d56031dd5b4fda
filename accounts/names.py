"""How the portal names a person: by their full name, as staff read it."""


def person_name(user) -> str:
    """ "Nguyễn Thị Lan": family name (last_name) before given names (first_name), as
    Vietnamese names are written; the user name only for an account with no name."""
    parts = (user.last_name.strip(), user.first_name.strip())
    return " ".join(part for part in parts if part) or user.get_username()
