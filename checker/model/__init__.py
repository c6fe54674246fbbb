"""The document model: one parse of a document that every check reads."""
