"""The staff web console: server-rendered pages over the responder's own services
(docs/console.md)."""
