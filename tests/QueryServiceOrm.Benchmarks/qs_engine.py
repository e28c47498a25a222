"""The SQLAlchemy engine of the Python peers: psycopg2 over TLS with the sandbox's QueryService__* variables, as Adobe's guide connects."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session


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


def add_all_and_commit(rows, objects):
    """The append peers' write: the ORM's add_all + commit; prints the row count and the peak resident set (KiB) for the benchmark."""
    with Session(engine("bench-sqlalchemy")) as session:
        session.add_all(objects)
        session.commit()
    print(rows, peak_resident_kib())


def peak_resident_kib():
    # VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across exec, so it would report the spawning dotnet
    # process's resident set whenever that was larger.
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
