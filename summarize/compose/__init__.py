"""Stage 3 helpers for the offline engine: attribution relations -> claims,
merged across outlets, with disputes, document relevance, the event and the
neutral summary prose."""
