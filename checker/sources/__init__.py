"""Reading documents: decoding, line ends, and format adapters (plain text, Markdown, Word)."""
