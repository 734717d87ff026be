"""Print the CREATE statements of the SQLModel tables (to write a new migration from).

Usage: python scripts/dump_schema.py > scrutiny_tui/store/migrations/NNNN_name.sql
"""

from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from scrutiny_tui.store import models  # noqa: F401
from scrutiny_tui.store.db import create_engine

engine = create_engine("sqlite://")
for table in SQLModel.metadata.sorted_tables:
    print(str(CreateTable(table).compile(engine)).strip() + ";\n")
    for index in sorted(table.indexes, key=lambda i: i.name or ""):
        print(str(CreateIndex(index).compile(engine)).strip() + ";\n")
