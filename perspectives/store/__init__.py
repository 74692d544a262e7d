"""The workspace database (SQLAlchemy: SQLite by default, PostgreSQL when $DATABASE_URL is
set): its engine, its tables, and the operations on class polls."""
