"""Streams the benchmark rows through SQLAlchemy 1.4 + psycopg2, the way Adobe's Python guide connects."""
import sys

from sqlalchemy import text

from qs_engine import engine

rows = int(sys.argv[1])
total = 0
count = 0
with engine("bench-sqlalchemy-stream").connect().execution_options(stream_results=True) as connection:
    result = connection.execute(text("SELECT id, name, amount, placed, flag FROM bench_rows WHERE id <= :n"), {"n": rows})
    for row in result:
        total += row.id
        count += 1
print(count, total)
