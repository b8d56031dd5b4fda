class ElidedPageRangeMixin:
    """Adds `page_range` (1 … 4 5 [6] 7 8 … 20) for templates/includes/pagination.html."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context
