"""Appends the nested benchmark events through SQLAlchemy 1.4's ORM (add_all + commit) and psycopg2, the nested parts as JSONB.

The events are BenchEvent.Generate's (BenchEvent.cs), field for field: keep the two in step.
"""
import datetime
import sys

from sqlalchemy import Column, DateTime, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import declarative_base

from qs_engine import add_all_and_commit

events = int(sys.argv[1])
Base = declarative_base()
CHANNELS = ["web", "mobile", "store"]
REGIONS = ["emea", "amer", "apac", "latam"]


class BenchNestedEvent(Base):
    __tablename__ = "bench_nested_jsonb"
    id = Column("_id", Text, primary_key=True)
    timestamp = Column(DateTime(timezone=True), nullable=False)
    commerce = Column(JSONB)
    product_list_items = Column("productListItems", JSONB)
    attributes = Column(JSONB)


def item(i, k):
    return {"SKU": f"SKU-{(i + k) % 500}", "name": f"Product {(i + k) % 500}", "quantity": k + 1, "priceTotal": (k + 1) * 2.5}


def event(i, start):
    items = [item(i, k) for k in range(i % 3 + 1)]
    order = {"purchaseID": f"P-{i}", "priceTotal": sum(p["priceTotal"] for p in items), "currencyCode": "EUR"}
    return BenchNestedEvent(
        id=f"evt-{i}",
        timestamp=start + datetime.timedelta(seconds=i),
        commerce={"channel": CHANNELS[i % len(CHANNELS)], "itemCount": len(items), "firstPurchase": i % 5 == 0, "order": order},
        product_list_items=items,
        attributes={"campaign": f"c{i % 50}", "region": REGIONS[i % len(REGIONS)], "source": "bench"},
    )


start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
add_all_and_commit(events, (event(i, start) for i in range(1, events + 1)))
