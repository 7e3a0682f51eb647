"""Vastgestelde rapporten: the PRT overviews that went to parliament, stored byte for byte (issue 7, brief §4).

Revision ID: 0003_vastgestelde_rapporten
Revises: 0002_prioritering
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003_vastgestelde_rapporten'
down_revision = '0002_prioritering'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vastgesteld_rapport',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('periode', sa.Text(), nullable=True),
    sa.Column('peildatum', sa.Date(), nullable=False),
    sa.Column('sinds', sa.Date(), nullable=True),
    sa.Column('filter_omschrijving', sa.Text(), nullable=False),
    sa.Column('filter', sa.Text(), nullable=False),
    sa.Column('secties', sa.Text(), nullable=False),
    sa.Column('aantal_maatregelen', sa.Integer(), nullable=False),
    sa.Column('telling', sa.Text(), nullable=False),
    sa.Column('iv_afhankelijk', sa.Integer(), nullable=False),
    sa.Column('iv_blokkade', sa.Integer(), nullable=False),
    sa.Column('paginas', sa.Integer(), nullable=False),
    sa.Column('bestandsnaam', sa.Text(), nullable=False),
    sa.Column('grootte', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('vastgesteld_op', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('vastgesteld_door', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vastgesteld_rapport'))
    )
    with op.batch_alter_table('vastgesteld_rapport', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vastgesteld_rapport_peildatum'), ['peildatum'], unique=False)
        batch_op.create_index(batch_op.f('ix_vastgesteld_rapport_vastgesteld_op'), ['vastgesteld_op'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('vastgesteld_rapport', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vastgesteld_rapport_vastgesteld_op'))
        batch_op.drop_index(batch_op.f('ix_vastgesteld_rapport_peildatum'))

    op.drop_table('vastgesteld_rapport')
