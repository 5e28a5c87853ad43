"""initial

Revision ID: 0001
Revises: 
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('help_articles',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=100), server_default='general', nullable=False),
    sa.Column('is_published', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('view_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('help_articles_pkey'))
    )
    with op.batch_alter_table('help_articles', schema=None) as batch_op:
        batch_op.create_index('help_articles_published_created_idx', ['is_published', 'created_at', 'id'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('domain', sa.String(length=253), nullable=True),
    sa.Column('created_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('organizations_pkey')),
    sa.UniqueConstraint('domain', name=op.f('organizations_domain_key'))
    )
    op.create_table('reports',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Enum('DRAFT', 'PUBLISHED', 'ARCHIVED', name='report_status'), server_default='DRAFT', nullable=False),
    sa.Column('created_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('reports_organization_id_fkey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('reports_pkey'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index('reports_organization_created_idx', ['organization_id', 'created_at', 'id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('clerk_id', sa.String(length=191), nullable=True),
    sa.Column('organization_id', sa.Uuid(), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('role', sa.Enum('ADMIN', 'USER', name='role'), server_default='USER', nullable=False),
    sa.Column('created_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('users_organization_id_fkey'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('users_pkey')),
    sa.UniqueConstraint('clerk_id', name=op.f('users_clerk_id_key'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index('users_organization_created_idx', ['organization_id', 'created_at', 'id'], unique=False)

    op.create_table('ai_analyses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('report_id', sa.Uuid(), nullable=False),
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('provider', sa.Enum('GEMINI', name='ai_provider'), server_default='GEMINI', nullable=False),
    sa.Column('created_at', app.models.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('ai_analyses_organization_id_fkey'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], name=op.f('ai_analyses_report_id_fkey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('ai_analyses_pkey'))
    )
    with op.batch_alter_table('ai_analyses', schema=None) as batch_op:
        batch_op.create_index('ai_analyses_report_created_idx', ['report_id', 'created_at', 'id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('ai_analyses', schema=None) as batch_op:
        batch_op.drop_index('ai_analyses_report_created_idx')

    op.drop_table('ai_analyses')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('users_organization_created_idx')

    op.drop_table('users')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('reports_organization_created_idx')

    op.drop_table('reports')
    op.drop_table('organizations')
    with op.batch_alter_table('help_articles', schema=None) as batch_op:
        batch_op.drop_index('help_articles_published_created_idx')

    op.drop_table('help_articles')

