"""The HTML format: the page the writer makes, pages from the web, the seed."""
