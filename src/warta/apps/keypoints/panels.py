"""An admin panel that shows editors where each generated key point came from."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel


class KeyPointSourcesPanel(Panel):
    """List each key point with its provenance and the article sentences it was taken from."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "keypoints/admin/key_point_sources.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            instance = self.instance
            points = list(instance.key_points.all()) if getattr(instance, "pk", None) else []
            context["points"] = points
            context["engine"] = getattr(instance, "key_points_engine", "")
            return context
