"""A Story written out: JSON and the Markdown and HTML reports."""
