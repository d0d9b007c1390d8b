"""Fetching orders from the platform's REST API, for platforms whose webhooks only name the order
(BigCommerce) or whose webhook bodies are not signed (Ecwid). The fetched order becomes order
facts applied through the same state machine as any webhook."""
