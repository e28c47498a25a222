"""Streams the benchmark rows through SQLAlchemy 1.4 + psycopg2, the way Adobe's Python guide connects."""
import os
import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

rows = int(sys.argv[1])
url = URL.create(
    "postgresql+psycopg2",
    username=os.environ["QueryService__Username"],
    password=os.environ["QueryService__Password"],
    host=os.environ["QueryService__Host"],
    port=int(os.environ["QueryService__Port"]),
    database=os.environ["QueryService__Database"],
)
engine = create_engine(url, connect_args={"sslmode": "require"})
total = 0
count = 0
with engine.connect().execution_options(stream_results=True) as connection:
    result = connection.execute(text("SELECT id, name, amount, placed, flag FROM bench_rows WHERE id <= :n"), {"n": rows})
    for row in result:
        total += row.id
        count += 1
print(count, total)
