"""Prioritering (issue 9): IV-weeks, size class, staff effort, the decision and a hand-set rank per measure; IV
capacity per chain and period; saved scenarios as decisions.

Revision ID: 0004_prioritering_capaciteit
Revises: 0003_vastgestelde_rapporten
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004_prioritering_capaciteit'
down_revision = '0003_vastgestelde_rapporten'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('iv_capaciteit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('keten', sa.Text(), nullable=False),
    sa.Column('keten_zoek', sa.Text(), nullable=False),
    sa.Column('periode_tekst', sa.Text(), nullable=False),
    sa.Column('periode_van', sa.Date(), nullable=False),
    sa.Column('periode_tot', sa.Date(), nullable=False),
    sa.Column('weken', sa.Float(), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=True),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_iv_capaciteit')),
    sa.UniqueConstraint('keten_zoek', 'periode_van', 'periode_tot', name=op.f('uq_iv_capaciteit_keten_zoek'))
    )
    op.create_table('prioriteringsbesluit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('datum', sa.Date(), nullable=False),
    sa.Column('besloten_door', sa.Text(), nullable=False),
    sa.Column('motivatie', sa.Text(), nullable=False),
    sa.Column('wijzigingen', sa.Text(), nullable=False),
    sa.Column('gevolgen', sa.Text(), nullable=False),
    sa.Column('geregistreerd_op', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prioriteringsbesluit'))
    )
    with op.batch_alter_table('prioriteringsbesluit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prioriteringsbesluit_datum'), ['datum'], unique=False)

    # Plain ADD COLUMNs: batch mode does not copy the measures table for these, so a large register migrates fast.
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.add_column(sa.Column('iv_weken', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('iv_omvang', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True))
        batch_op.add_column(sa.Column('personeel_weken', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('prioriteit', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True))
        batch_op.add_column(sa.Column('prioriteit_motivatie', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('prioriteit_datum', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('prioriteit_door', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rang_handmatig', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rang_motivatie', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rang_datum', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('rang_door', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.drop_column('rang_door')
        batch_op.drop_column('rang_datum')
        batch_op.drop_column('rang_motivatie')
        batch_op.drop_column('rang_handmatig')
        batch_op.drop_column('prioriteit_door')
        batch_op.drop_column('prioriteit_datum')
        batch_op.drop_column('prioriteit_motivatie')
        batch_op.drop_column('prioriteit')
        batch_op.drop_column('personeel_weken')
        batch_op.drop_column('iv_omvang')
        batch_op.drop_column('iv_weken')

    with op.batch_alter_table('prioriteringsbesluit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prioriteringsbesluit_datum'))

    op.drop_table('prioriteringsbesluit')
    op.drop_table('iv_capaciteit')
