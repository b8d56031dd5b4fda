from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe
from django.views.static import serve as static_serve

from uploads.storage import served_type


@require_safe
def media(request, path):
    """Uploaded photos, when SERVE_MEDIA is on (otherwise the front proxy serves them)."""
    if not settings.SERVE_MEDIA:
        raise Http404
    if isinstance(default_storage, FileSystemStorage):
        response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        # Object storage: read through the storage API (any app server serves any upload).
        if path.startswith("/") or ".." in path.split("/"):
            raise Http404
        try:
            stored = default_storage.open(path, "rb")
        except (OSError, ValueError, BotoCoreError, ClientError):  # missing, or unreachable
            raise Http404 from None
        response = FileResponse(stored)
    # The type the portal verified when it stored the file, never a guess from outside.
    response["Content-Type"], response["Content-Disposition"] = served_type(path)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
