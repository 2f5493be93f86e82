"""Remember when the plan was last generated

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessment_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan_generated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessment_document", schema=None) as batch_op:
        batch_op.drop_column("plan_generated_at")
