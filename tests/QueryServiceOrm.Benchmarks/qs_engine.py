"""The SQLAlchemy engine of the Python peers: psycopg2 over TLS with the sandbox's QueryService__* variables, as Adobe's guide connects."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import URL


def engine(application_name):
    url = URL.create(
        "postgresql+psycopg2",
        username=os.environ["QueryService__Username"],
        password=os.environ["QueryService__Password"],
        host=os.environ["QueryService__Host"],
        port=int(os.environ["QueryService__Port"]),
        database=os.environ["QueryService__Database"],
    )
    return create_engine(url, connect_args={"sslmode": "require", "application_name": application_name})
