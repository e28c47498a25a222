"""Appends the benchmark rows through SQLAlchemy 1.4's ORM (add_all + commit) and psycopg2, as Adobe's Python guide connects."""
import datetime
import decimal
import sys

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Numeric, Text
from sqlalchemy.orm import declarative_base

from qs_engine import add_all_and_commit

rows = int(sys.argv[1])
Base = declarative_base()


class BenchAppend(Base):
    __tablename__ = "bench_appends"
    id = Column(BigInteger, primary_key=True, autoincrement=False)
    name = Column(Text, nullable=False)
    amount = Column(Numeric(10, 2), nullable=False)
    placed = Column(DateTime(timezone=True), nullable=False)
    flag = Column(Boolean, nullable=False)


start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
add_all_and_commit(
    rows,
    (
        BenchAppend(id=i, name=f"row {i}", amount=decimal.Decimal(i % 10000) / 100, placed=start + datetime.timedelta(seconds=i), flag=i % 2 == 0)
        for i in range(1, rows + 1)
    ),
)
