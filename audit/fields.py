from django.db import models


class EditCounterField(models.PositiveIntegerField):
    """Counts the saves of a row, so that a form opened before someone else's save can tell
    (news/forms.py: a concurrent edit is refused rather than overwriting). Every save counts,
    whoever makes it: the admin, a workflow step, an importer."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", 0)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = (getattr(model_instance, self.attname) or 0) + 1
        setattr(model_instance, self.attname, value)
        return value
