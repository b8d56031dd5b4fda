"""Pages that are one visitor's own: a form with its CSRF token and timestamp, a tracking
code's page. Neither the page cache nor nginx's micro-cache may keep them (nginx ignores
Cache-Control and honours X-Accel-Expires), or the next visitor would get them."""

from functools import wraps

from django.utils.cache import add_never_cache_headers


def private_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Accel-Expires"] = "0"
        return response

    return wrapper
