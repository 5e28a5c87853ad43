// Help articles: shared by every organization. Anyone may read the published ones; ADMINs write them.
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { containsPattern, newestFirst, olderThan } from '../db/queries.js';
import { helpArticles, type HelpArticleRow } from '../db/schema.js';
import { notFound } from '../lib/errors.js';
import { decodeCursor, toPage } from '../lib/pagination.js';
import { serialize } from '../lib/serialize.js';
import type { ListHelpQuery } from '../types/requests.js';

type HelpInput = Pick<HelpArticleRow, 'title' | 'content' | 'category' | 'isPublished'>;

const contains = (column: typeof helpArticles.title | typeof helpArticles.content, text: string) =>
  sql`lower(${column}) like ${containsPattern(text)} escape '\\'`;

export async function listPublished(db: Db, query: ListHelpQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db
    .select()
    .from(helpArticles)
    .where(
      and(
        eq(helpArticles.isPublished, true),
        query.category ? eq(helpArticles.category, query.category) : undefined,
        query.q ? or(contains(helpArticles.title, query.q), contains(helpArticles.content, query.q)) : undefined,
        olderThan(helpArticles, cursor),
      ),
    )
    .orderBy(...newestFirst(helpArticles))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, serialize);
}

/** A published article, counting this view: one atomic UPDATE, so concurrent views all count. */
export async function viewPublished(db: Db, id: string) {
  const [article] = await db
    .update(helpArticles)
    .set({ viewCount: sql`${helpArticles.viewCount} + 1`, updatedAt: sql`${helpArticles.updatedAt}` })
    .where(and(eq(helpArticles.id, id), eq(helpArticles.isPublished, true)))
    .returning();
  if (!article) throw notFound('help article');
  return serialize(article);
}

export async function createArticle(db: Db, input: HelpInput) {
  const [article] = await db.insert(helpArticles).values(input).returning();
  return serialize(article!);
}

export async function updateArticle(db: Db, id: string, change: Partial<HelpInput>) {
  const [article] = Object.values(change).every((v) => v === undefined)
    ? await db.select().from(helpArticles).where(eq(helpArticles.id, id))
    : await db.update(helpArticles).set(change).where(eq(helpArticles.id, id)).returning();
  if (!article) throw notFound('help article');
  return serialize(article);
}

export async function deleteArticle(db: Db, id: string) {
  const deleted = await db.delete(helpArticles).where(eq(helpArticles.id, id)).returning({ id: helpArticles.id });
  if (!deleted.length) throw notFound('help article');
}
