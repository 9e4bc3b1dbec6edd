"""The site's generated pages."""
