"""Importers that bring content from the old site: `import_drupal7` reads the
Drupal 7 database itself, `import_feed` reads an RSS 2.0 or Atom feed."""
