"""Priority inputs per measure (expected effect, its basis, IV effort): recommendation 10 of seed 000.

Revision ID: 0002_prioritering
Revises: 0001_basis
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002_prioritering'
down_revision = '0001_basis'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verwacht_effect', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('effect_basis', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('iv_inspanning', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.drop_column('iv_inspanning')
        batch_op.drop_column('effect_basis')
        batch_op.drop_column('verwacht_effect')

