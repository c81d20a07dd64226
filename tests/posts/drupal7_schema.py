"""Drupal 7's own table definitions for the tables the import reads (from
hook_schema in the node, field_sql_storage, taxonomy, path, file, user and
filter modules), turned into DDL for SQLite, MySQL/MariaDB or PostgreSQL the
way Drupal's database drivers do."""

# (name, type, options): type is serial, int, tinyint, bigint, varchar:N, text,
# longtext or blob; options: "unsigned", "not null", default=...
NODE_FIELD_COLUMNS = [
    ("entity_type", "varchar:128", {"not null": True, "default": ""}),
    ("bundle", "varchar:128", {"not null": True, "default": ""}),
    ("deleted", "tinyint", {"not null": True, "default": 0}),
    ("entity_id", "int", {"unsigned": True, "not null": True}),
    ("revision_id", "int", {"unsigned": True}),
    ("language", "varchar:32", {"not null": True, "default": ""}),
    ("delta", "int", {"unsigned": True, "not null": True}),
]
FIELD_KEY = ["entity_type", "entity_id", "deleted", "delta", "language"]

SCHEMA = {
    "node": (
        [
            ("nid", "serial", {"unsigned": True}),
            ("vid", "int", {"unsigned": True}),
            ("type", "varchar:32", {"not null": True, "default": ""}),
            ("language", "varchar:12", {"not null": True, "default": ""}),
            ("title", "varchar:255", {"not null": True, "default": ""}),
            ("uid", "int", {"not null": True, "default": 0}),
            ("status", "int", {"not null": True, "default": 1}),
            ("created", "int", {"not null": True, "default": 0}),
            ("changed", "int", {"not null": True, "default": 0}),
            ("comment", "int", {"not null": True, "default": 0}),
            ("promote", "int", {"not null": True, "default": 0}),
            ("sticky", "int", {"not null": True, "default": 0}),
            ("tnid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("translate", "int", {"not null": True, "default": 0}),
        ],
        ["nid"],
    ),
    "node_revision": (
        [
            ("nid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("vid", "serial", {"unsigned": True}),
            ("uid", "int", {"not null": True, "default": 0}),
            ("title", "varchar:255", {"not null": True, "default": ""}),
            ("log", "longtext", {"not null": True}),
            ("timestamp", "int", {"not null": True, "default": 0}),
            ("status", "int", {"not null": True, "default": 1}),
            ("comment", "int", {"not null": True, "default": 0}),
            ("promote", "int", {"not null": True, "default": 0}),
            ("sticky", "int", {"not null": True, "default": 0}),
        ],
        ["vid"],
    ),
    "field_config": (
        [
            ("id", "serial", {}),
            ("field_name", "varchar:32", {"not null": True}),
            ("type", "varchar:128", {"not null": True}),
            ("module", "varchar:128", {"not null": True, "default": ""}),
            ("active", "tinyint", {"not null": True, "default": 0}),
            ("storage_type", "varchar:128", {"not null": True}),
            ("storage_module", "varchar:128", {"not null": True, "default": ""}),
            ("storage_active", "tinyint", {"not null": True, "default": 0}),
            ("locked", "tinyint", {"not null": True, "default": 0}),
            ("data", "blob", {"not null": True}),
            ("cardinality", "tinyint", {"not null": True, "default": 0}),
            ("translatable", "tinyint", {"not null": True, "default": 0}),
            ("deleted", "tinyint", {"not null": True, "default": 0}),
        ],
        ["id"],
    ),
    "field_data_body": (
        NODE_FIELD_COLUMNS
        + [
            ("body_value", "longtext", {}),
            ("body_summary", "longtext", {}),
            ("body_format", "varchar:255", {}),
        ],
        FIELD_KEY,
    ),
    "field_data_field_tags": (
        NODE_FIELD_COLUMNS + [("field_tags_tid", "int", {"unsigned": True})],
        FIELD_KEY,
    ),
    "field_data_field_attachments": (
        NODE_FIELD_COLUMNS
        + [
            ("field_attachments_fid", "int", {"unsigned": True}),
            (
                "field_attachments_display",
                "tinyint",
                {"unsigned": True, "not null": True, "default": 1},
            ),
            ("field_attachments_description", "text", {}),
        ],
        FIELD_KEY,
    ),
    # The image module's field, as on Drupal's standard "article" type.
    "field_data_field_image": (
        NODE_FIELD_COLUMNS
        + [
            ("field_image_fid", "int", {"unsigned": True}),
            ("field_image_alt", "varchar:512", {}),
            ("field_image_title", "varchar:1024", {}),
            ("field_image_width", "int", {"unsigned": True}),
            ("field_image_height", "int", {"unsigned": True}),
        ],
        FIELD_KEY,
    ),
    "taxonomy_term_data": (
        [
            ("tid", "serial", {"unsigned": True}),
            ("vid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("name", "varchar:255", {"not null": True, "default": ""}),
            ("description", "longtext", {}),
            ("format", "varchar:255", {}),
            ("weight", "int", {"not null": True, "default": 0}),
        ],
        ["tid"],
    ),
    "taxonomy_index": (
        [
            ("nid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("tid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("sticky", "tinyint", {"default": 0}),
            ("created", "int", {"not null": True, "default": 0}),
        ],
        None,
    ),
    "url_alias": (
        [
            ("pid", "serial", {"unsigned": True}),
            ("source", "varchar:255", {"not null": True, "default": ""}),
            ("alias", "varchar:255", {"not null": True, "default": ""}),
            ("language", "varchar:12", {"not null": True, "default": ""}),
        ],
        ["pid"],
    ),
    "file_managed": (
        [
            ("fid", "serial", {"unsigned": True}),
            ("uid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("filename", "varchar:255", {"not null": True, "default": ""}),
            ("uri", "varchar:255", {"not null": True, "default": ""}),
            ("filemime", "varchar:255", {"not null": True, "default": ""}),
            ("filesize", "bigint", {"unsigned": True, "not null": True, "default": 0}),
            ("status", "tinyint", {"not null": True, "default": 0}),
            ("timestamp", "int", {"unsigned": True, "not null": True, "default": 0}),
        ],
        ["fid"],
    ),
    "users": (
        [
            ("uid", "int", {"unsigned": True, "not null": True, "default": 0}),
            ("name", "varchar:60", {"not null": True, "default": ""}),
            ("pass", "varchar:128", {"not null": True, "default": ""}),
            ("mail", "varchar:254", {"default": ""}),
            ("theme", "varchar:255", {"not null": True, "default": ""}),
            ("signature", "varchar:255", {"not null": True, "default": ""}),
            ("signature_format", "varchar:255", {}),
            ("created", "int", {"not null": True, "default": 0}),
            ("access", "int", {"not null": True, "default": 0}),
            ("login", "int", {"not null": True, "default": 0}),
            ("status", "tinyint", {"not null": True, "default": 0}),
            ("timezone", "varchar:32", {}),
            ("language", "varchar:12", {"not null": True, "default": ""}),
            ("picture", "int", {"not null": True, "default": 0}),
            ("init", "varchar:254", {"default": ""}),
            ("data", "blob", {}),
        ],
        ["uid"],
    ),
    "filter": (
        [
            ("format", "varchar:255", {"not null": True}),
            ("module", "varchar:64", {"not null": True}),
            ("name", "varchar:32", {"not null": True}),
            ("weight", "int", {"not null": True, "default": 0}),
            ("status", "int", {"not null": True, "default": 0}),
            ("settings", "blob", {}),
        ],
        ["format", "name"],
    ),
}


def _column_sql(name, kind, options, dialect):
    unsigned = options.get("unsigned")
    if kind == "serial":
        return {
            "sqlite": f"{name} INTEGER PRIMARY KEY AUTOINCREMENT",
            "mysql": f"{name} INT UNSIGNED NOT NULL AUTO_INCREMENT",
            "postgresql": f"{name} serial CHECK ({name} >= 0)",
        }[dialect]
    if kind.startswith("varchar:"):
        sql = f"VARCHAR({kind.split(':')[1]})"
    elif kind in {"int", "tinyint", "bigint"}:
        sql = {
            "sqlite": "INTEGER",
            "mysql": {"int": "INT", "tinyint": "TINYINT", "bigint": "BIGINT"}[kind]
            + (" UNSIGNED" if unsigned else ""),
            "postgresql": {"int": "integer", "tinyint": "smallint", "bigint": "bigint"}[
                kind
            ],
        }[dialect]
    elif kind in {"text", "longtext"}:
        sql = "LONGTEXT" if (dialect == "mysql" and kind == "longtext") else "TEXT"
    else:
        sql = {"sqlite": "BLOB", "mysql": "LONGBLOB", "postgresql": "bytea"}[dialect]
    if options.get("not null"):
        sql += " NOT NULL"
    if "default" in options:
        default = options["default"]
        sql += (
            f" DEFAULT {default!r}"
            if isinstance(default, str)
            else f" DEFAULT {default}"
        )
    if unsigned and dialect != "mysql":
        sql += f" CHECK ({name} >= 0)"
    return f"{name} {sql}"


def create_tables(cursor, dialect):
    for table, (columns, primary_key) in SCHEMA.items():
        parts = [_column_sql(*column, dialect) for column in columns]
        has_serial = any(kind == "serial" for _, kind, _ in columns)
        # SQLite declares a serial column as its primary key inline.
        if primary_key and not (has_serial and dialect == "sqlite"):
            parts.append(f"PRIMARY KEY ({', '.join(primary_key)})")
        suffix = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" if dialect == "mysql" else ""
        cursor.execute(f"CREATE TABLE {table} ({', '.join(parts)}){suffix}")
