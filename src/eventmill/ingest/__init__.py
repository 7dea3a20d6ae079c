"""Reading inputs into Documents, and cleaning them for coding."""

from eventmill.ingest.readers import iter_documents

__all__ = ["iter_documents"]
