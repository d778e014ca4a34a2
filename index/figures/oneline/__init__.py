"""Tables whose rows stand on one line, as the scrape flattens many PIB tables: their rows
(`rows`), the columns their header names (`times`, `columns`), their totals (`totals`), read together
into tables (`table`). What the tables say of a passage's figures is `index.figures.inline`'s."""
from index.figures.oneline.columns import listed_columns, listed_names
from index.figures.oneline.rows import Row
from index.figures.oneline.table import InlineTable, inline_tables
from index.figures.oneline.times import TimeHeader, time_header

__all__ = ["InlineTable", "Row", "TimeHeader", "inline_tables", "listed_columns", "listed_names", "time_header"]
