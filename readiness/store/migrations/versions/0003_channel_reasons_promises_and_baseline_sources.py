"""Keep why a channel was chosen, its own reply-time promise, and where each KPI baseline was measured

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("channel_choice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("promise_minutes", sa.Integer(), nullable=True))
    with op.batch_alter_table("kpi_target", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("baseline_source", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("kpi_target", schema=None) as batch_op:
        batch_op.drop_column("baseline_source")
    with op.batch_alter_table("channel_choice", schema=None) as batch_op:
        batch_op.drop_column("promise_minutes")
        batch_op.drop_column("reason")
