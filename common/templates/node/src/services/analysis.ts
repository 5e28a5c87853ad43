// AI analyses of reports: the report's content goes to Gemini, the answer is stored. Nothing is stored
// when the provider fails or times out.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { newestFirst, olderThan } from '../db/queries.js';
import { aiAnalyses } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { decodeCursor, toPage } from '../lib/pagination.js';
import type { PageQuery } from '../types/requests.js';
import { serialize } from '../lib/serialize.js';
import type { Analyzer } from './gemini.js';
import { findReport } from './reports.js';

export async function analyzeReport(db: Db, analyzer: Analyzer | null, organizationId: string, reportId: string) {
  const report = await findReport(db, organizationId, reportId);
  if (!analyzer) throw new AppError('NOT_CONFIGURED', 'AI analysis is not configured: set GOOGLE_GEMINI_API_KEY');
  if (!report.content.trim()) {
    throw new AppError('VALIDATION_ERROR', 'content: the report is empty; there is nothing to analyse', [
      { field: 'content', message: 'the report is empty' },
    ]);
  }
  const content = await analyzer.analyze({ title: report.title, content: report.content });
  const [analysis] = await db.insert(aiAnalyses).values({ reportId, organizationId, content, provider: 'GEMINI' }).returning();
  return serialize(analysis!);
}

export async function listAnalyses(db: Db, organizationId: string, reportId: string, page: PageQuery) {
  await findReport(db, organizationId, reportId);
  const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db
    .select()
    .from(aiAnalyses)
    .where(and(eq(aiAnalyses.reportId, reportId), eq(aiAnalyses.organizationId, organizationId), olderThan(aiAnalyses, cursor)))
    .orderBy(...newestFirst(aiAnalyses))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, serialize);
}
