from django import template

from navigation.site import absolute_url

register = template.Library()


@register.filter(name="absolute")
def absolute(location) -> str:
    """`{{ article.get_absolute_url|absolute }}`: the address on SITE_URL."""
    return absolute_url(str(location)) if location else ""
