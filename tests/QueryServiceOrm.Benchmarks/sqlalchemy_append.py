"""Appends the benchmark rows through SQLAlchemy 1.4's ORM (add_all + commit) and psycopg2, as Adobe's Python guide connects."""
import datetime
import decimal
import os
import resource
import sys

from sqlalchemy import Boolean, Column, DateTime, Numeric, BigInteger, Text, create_engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, declarative_base

rows = int(sys.argv[1])
Base = declarative_base()


class BenchAppend(Base):
    __tablename__ = "bench_appends"
    id = Column(BigInteger, primary_key=True, autoincrement=False)
    name = Column(Text, nullable=False)
    amount = Column(Numeric(10, 2), nullable=False)
    placed = Column(DateTime(timezone=True), nullable=False)
    flag = Column(Boolean, nullable=False)


url = URL.create(
    "postgresql+psycopg2",
    username=os.environ["QueryService__Username"],
    password=os.environ["QueryService__Password"],
    host=os.environ["QueryService__Host"],
    port=int(os.environ["QueryService__Port"]),
    database=os.environ["QueryService__Database"],
)
engine = create_engine(url, connect_args={"sslmode": "require", "application_name": "bench-sqlalchemy"})
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
with Session(engine) as session:
    session.add_all(
        BenchAppend(id=i, name=f"row {i}", amount=decimal.Decimal(i % 10000) / 100, placed=start + datetime.timedelta(seconds=i), flag=i % 2 == 0)
        for i in range(1, rows + 1)
    )
    session.commit()
print(rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
