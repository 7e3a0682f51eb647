"""Base schema: measures, status history, effect measurements, recommendations, sources, change log.

Revision ID: 0001_basis
Revises: 
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001_basis'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bron',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('titel', sa.Text(), nullable=False),
    sa.Column('uitgever', sa.Text(), nullable=True),
    sa.Column('datum', sa.Date(), nullable=True),
    sa.Column('soort', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('referentie', sa.Text(), nullable=True),
    sa.Column('bestand', sa.Text(), nullable=True),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bron')),
    sa.UniqueConstraint('code', name=op.f('uq_bron_code'))
    )
    op.create_table('domein',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('naam', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('volledige_naam', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('volgorde', sa.Integer(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_domein')),
    sa.UniqueConstraint('code', name=op.f('uq_domein_code'))
    )
    op.create_table('register_info',
    sa.Column('sleutel', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('waarde', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sleutel', name=op.f('pk_register_info'))
    )
    op.create_table('toeslag',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('naam', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('volgorde', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_toeslag'))
    )
    op.create_table('wijziging',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tijdstip', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('gebruiker', sa.Text(), nullable=False),
    sa.Column('entiteit', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('sleutel', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('veld', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('oud', sa.Text(), nullable=True),
    sa.Column('nieuw', sa.Text(), nullable=True),
    sa.Column('versie', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wijziging'))
    )
    with op.batch_alter_table('wijziging', schema=None) as batch_op:
        batch_op.create_index('ix_wijziging_item', ['entiteit', 'sleutel'], unique=False)

    op.create_table('aanbeveling',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('bron_id', sa.Integer(), nullable=True),
    sa.Column('vindplaats', sa.Text(), nullable=True),
    sa.Column('nummer', sa.Text(), nullable=True),
    sa.Column('titel', sa.Text(), nullable=False),
    sa.Column('tekst', sa.Text(), nullable=True),
    sa.Column('thema', sa.Text(), nullable=True),
    sa.Column('datum', sa.Date(), nullable=True),
    sa.Column('deadline_tekst', sa.Text(), nullable=True),
    sa.Column('deadline_van', sa.Date(), nullable=True),
    sa.Column('deadline_tot', sa.Date(), nullable=True),
    sa.Column('opvolging', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('motivatie', sa.Text(), nullable=True),
    sa.Column('besloten_op', sa.Date(), nullable=True),
    sa.Column('besloten_door', sa.Text(), nullable=True),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bron_id'], ['bron.id'], name=op.f('fk_aanbeveling_bron_id_bron')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aanbeveling')),
    sa.UniqueConstraint('code', name=op.f('uq_aanbeveling_code'))
    )
    with op.batch_alter_table('aanbeveling', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aanbeveling_opvolging'), ['opvolging'], unique=False)

    op.create_table('maatregel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('naam', sa.Text(), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=True),
    sa.Column('doel', sa.Text(), nullable=True),
    sa.Column('doelgroep', sa.Text(), nullable=True),
    sa.Column('domein_id', sa.Integer(), nullable=False),
    sa.Column('domein_secundair_id', sa.Integer(), nullable=True),
    sa.Column('ouder_id', sa.Integer(), nullable=True),
    sa.Column('eigenaar', sa.Text(), nullable=True),
    sa.Column('partners', sa.Text(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('fase', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('status_brontekst', sa.Text(), nullable=True),
    sa.Column('status_afgeleid', sa.Boolean(), nullable=False),
    sa.Column('status_datum', sa.Date(), nullable=True),
    sa.Column('iv_afhankelijk', sa.Boolean(), nullable=True),
    sa.Column('iv_blokkade', sa.Boolean(), nullable=True),
    sa.Column('iv_keten', sa.Text(), nullable=True),
    sa.Column('iv_blokkade_soort', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('iv_toelichting', sa.Text(), nullable=True),
    sa.Column('iv_verwacht_tekst', sa.Text(), nullable=True),
    sa.Column('iv_verwacht_van', sa.Date(), nullable=True),
    sa.Column('iv_verwacht_tot', sa.Date(), nullable=True),
    sa.Column('iv_portfolio', sa.Text(), nullable=True),
    sa.Column('wetswijziging', sa.Boolean(), nullable=True),
    sa.Column('data_afhankelijkheid', sa.Text(), nullable=True),
    sa.Column('planning_oorspronkelijk_tekst', sa.Text(), nullable=True),
    sa.Column('planning_oorspronkelijk_van', sa.Date(), nullable=True),
    sa.Column('planning_oorspronkelijk_tot', sa.Date(), nullable=True),
    sa.Column('planning_huidig_tekst', sa.Text(), nullable=True),
    sa.Column('planning_huidig_van', sa.Date(), nullable=True),
    sa.Column('planning_huidig_tot', sa.Date(), nullable=True),
    sa.Column('vertraging_reden', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('vertraging_toelichting', sa.Text(), nullable=True),
    sa.Column('gearchiveerd', sa.Boolean(), nullable=False),
    sa.Column('zoektekst', sa.Text(), nullable=False),
    sa.Column('eigenaar_zoek', sa.Text(), nullable=False),
    sa.Column('iv_keten_zoek', sa.Text(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('aangemaakt_op', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('gewijzigd_op', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['domein_id'], ['domein.id'], name=op.f('fk_maatregel_domein_id_domein')),
    sa.ForeignKeyConstraint(['domein_secundair_id'], ['domein.id'], name=op.f('fk_maatregel_domein_secundair_id_domein')),
    sa.ForeignKeyConstraint(['ouder_id'], ['maatregel.id'], name=op.f('fk_maatregel_ouder_id_maatregel')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maatregel')),
    sa.UniqueConstraint('code', name=op.f('uq_maatregel_code'))
    )
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maatregel_domein_id'), ['domein_id'], unique=False)
        batch_op.create_index('ix_maatregel_domein_status', ['domein_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_maatregel_gearchiveerd'), ['gearchiveerd'], unique=False)
        batch_op.create_index(batch_op.f('ix_maatregel_ouder_id'), ['ouder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_maatregel_status'), ['status'], unique=False)

    op.create_table('aanbeveling_maatregel',
    sa.Column('aanbeveling_id', sa.Integer(), nullable=False),
    sa.Column('maatregel_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['aanbeveling_id'], ['aanbeveling.id'], name=op.f('fk_aanbeveling_maatregel_aanbeveling_id_aanbeveling'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_aanbeveling_maatregel_maatregel_id_maatregel'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('aanbeveling_id', 'maatregel_id', name=op.f('pk_aanbeveling_maatregel'))
    )
    op.create_table('effectmeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('maatregel_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('nulmeting', sa.Text(), nullable=True),
    sa.Column('waarde_tekst', sa.Text(), nullable=True),
    sa.Column('waarde', sa.Float(), nullable=True),
    sa.Column('eenheid', sa.Text(), nullable=True),
    sa.Column('streefwaarde', sa.Text(), nullable=True),
    sa.Column('periode', sa.Text(), nullable=True),
    sa.Column('methode', sa.Text(), nullable=True),
    sa.Column('bewijskracht', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('effect_ervaring', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('bron_id', sa.Integer(), nullable=True),
    sa.Column('vindplaats', sa.Text(), nullable=True),
    sa.Column('toelichting', sa.Text(), nullable=True),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bron_id'], ['bron.id'], name=op.f('fk_effectmeting_bron_id_bron')),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_effectmeting_maatregel_id_maatregel')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_effectmeting'))
    )
    with op.batch_alter_table('effectmeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_effectmeting_maatregel_id'), ['maatregel_id'], unique=False)

    op.create_table('maatregel_afhankelijkheid',
    sa.Column('maatregel_id', sa.Integer(), nullable=False),
    sa.Column('afhankelijk_van_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['afhankelijk_van_id'], ['maatregel.id'], name=op.f('fk_maatregel_afhankelijkheid_afhankelijk_van_id_maatregel')),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_maatregel_afhankelijkheid_maatregel_id_maatregel'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('maatregel_id', 'afhankelijk_van_id', name=op.f('pk_maatregel_afhankelijkheid'))
    )
    op.create_table('maatregel_bron',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('maatregel_id', sa.Integer(), nullable=True),
    sa.Column('bron_id', sa.Integer(), nullable=False),
    sa.Column('vindplaats', sa.Text(), nullable=True),
    sa.Column('toelichting', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['bron_id'], ['bron.id'], name=op.f('fk_maatregel_bron_bron_id_bron')),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_maatregel_bron_maatregel_id_maatregel'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maatregel_bron'))
    )
    with op.batch_alter_table('maatregel_bron', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maatregel_bron_maatregel_id'), ['maatregel_id'], unique=False)

    op.create_table('maatregel_toeslag',
    sa.Column('maatregel_id', sa.Integer(), nullable=False),
    sa.Column('toeslag_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_maatregel_toeslag_maatregel_id_maatregel'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['toeslag_code'], ['toeslag.code'], name=op.f('fk_maatregel_toeslag_toeslag_code_toeslag')),
    sa.PrimaryKeyConstraint('maatregel_id', 'toeslag_code', name=op.f('pk_maatregel_toeslag'))
    )
    op.create_table('statuswijziging',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('maatregel_id', sa.Integer(), nullable=False),
    sa.Column('datum', sa.Date(), nullable=False),
    sa.Column('oud', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('nieuw', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('fase', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('brontekst', sa.Text(), nullable=True),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('gebruiker', sa.Text(), nullable=False),
    sa.Column('bron_id', sa.Integer(), nullable=True),
    sa.Column('vindplaats', sa.Text(), nullable=True),
    sa.Column('afgeleid', sa.Boolean(), nullable=False),
    sa.Column('vervangt_id', sa.Integer(), nullable=True),
    sa.Column('geregistreerd_op', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bron_id'], ['bron.id'], name=op.f('fk_statuswijziging_bron_id_bron')),
    sa.ForeignKeyConstraint(['maatregel_id'], ['maatregel.id'], name=op.f('fk_statuswijziging_maatregel_id_maatregel')),
    sa.ForeignKeyConstraint(['vervangt_id'], ['statuswijziging.id'], name=op.f('fk_statuswijziging_vervangt_id_statuswijziging')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statuswijziging')),
    sa.UniqueConstraint('vervangt_id', name=op.f('uq_statuswijziging_vervangt_id'))
    )
    with op.batch_alter_table('statuswijziging', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statuswijziging_maatregel_id'), ['maatregel_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('statuswijziging', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statuswijziging_maatregel_id'))

    op.drop_table('statuswijziging')
    op.drop_table('maatregel_toeslag')
    with op.batch_alter_table('maatregel_bron', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maatregel_bron_maatregel_id'))

    op.drop_table('maatregel_bron')
    op.drop_table('maatregel_afhankelijkheid')
    with op.batch_alter_table('effectmeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_effectmeting_maatregel_id'))

    op.drop_table('effectmeting')
    op.drop_table('aanbeveling_maatregel')
    with op.batch_alter_table('maatregel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maatregel_status'))
        batch_op.drop_index(batch_op.f('ix_maatregel_ouder_id'))
        batch_op.drop_index(batch_op.f('ix_maatregel_gearchiveerd'))
        batch_op.drop_index('ix_maatregel_domein_status')
        batch_op.drop_index(batch_op.f('ix_maatregel_domein_id'))

    op.drop_table('maatregel')
    with op.batch_alter_table('aanbeveling', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aanbeveling_opvolging'))

    op.drop_table('aanbeveling')
    with op.batch_alter_table('wijziging', schema=None) as batch_op:
        batch_op.drop_index('ix_wijziging_item')

    op.drop_table('wijziging')
    op.drop_table('toeslag')
    op.drop_table('register_info')
    op.drop_table('domein')
    op.drop_table('bron')
