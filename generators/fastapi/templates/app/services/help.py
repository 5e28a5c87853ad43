"""Help articles: shared by every organization. Anyone may read the published ones; ADMINs write them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, func, or_, select, true, update

from ..db import Database
from ..errors import not_found
from ..models import HelpArticle
from ..pagination import newest_first, older_than, to_page


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with its own % and _ taken literally."""
    escaped = text.lower().replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')
    return f'%{escaped}%'


async def list_published(db: Database, limit: int, cursor: str | None, category: str | None, q: str | None) -> dict[str, Any]:
    query = select(HelpArticle).where(HelpArticle.is_published == true())
    if category:
        query = query.where(HelpArticle.category == category)
    if q:
        pattern = contains_pattern(q)
        query = query.where(
            or_(func.lower(HelpArticle.title).like(pattern, escape='\\'), func.lower(HelpArticle.content).like(pattern, escape='\\'))
        )
    condition = older_than(HelpArticle, cursor)
    if condition is not None:
        query = query.where(condition)
    async with db.transaction() as session:
        rows = (await session.execute(query.order_by(*newest_first(HelpArticle)).limit(limit + 1))).scalars().all()
    return to_page(rows, limit, lambda row: row)


async def view_published(db: Database, article_id: uuid.UUID) -> HelpArticle:
    """A published article, counting this view: one atomic UPDATE, so concurrent views all count."""
    async with db.transaction() as session:
        result = await session.execute(
            update(HelpArticle)
            .where(HelpArticle.id == article_id, HelpArticle.is_published == true())
            .values(view_count=HelpArticle.view_count + 1, updated_at=HelpArticle.updated_at)
            .returning(HelpArticle),
            execution_options={'populate_existing': True, 'synchronize_session': False},
        )
        article = result.scalar_one_or_none()
    if article is None:
        raise not_found('help article')
    return article


async def create_article(db: Database, fields: dict[str, Any]) -> HelpArticle:
    async with db.transaction() as session:
        article = HelpArticle(**fields)
        session.add(article)
        await session.flush()
    return article


async def update_article(db: Database, article_id: uuid.UUID, change: dict[str, Any]) -> HelpArticle:
    async with db.transaction() as session:
        article = await session.get(HelpArticle, article_id)
        if article is None:
            raise not_found('help article')
        if change:
            for key, value in change.items():
                setattr(article, key, value)
            await session.flush()
    return article


async def delete_article(db: Database, article_id: uuid.UUID) -> None:
    async with db.transaction() as session:
        result = await session.execute(delete(HelpArticle).where(HelpArticle.id == article_id).returning(HelpArticle.id))
        if result.first() is None:
            raise not_found('help article')
