import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { newestFirst, olderThan } from '../db/queries.js';
import { reports, type ReportRow } from '../db/schema.js';
import { notFound } from '../lib/errors.js';
import { decodeCursor, toPage } from '../lib/pagination.js';
import { serialize } from '../lib/serialize.js';
import type { ListReportsQuery } from '../types/requests.js';

type ReportInput = Pick<ReportRow, 'title' | 'content' | 'status'>;

const inOrganization = (organizationId: string, id: string) => and(eq(reports.id, id), eq(reports.organizationId, organizationId));

export async function listReports(db: Db, organizationId: string, query: ListReportsQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.organizationId, organizationId), query.status ? eq(reports.status, query.status) : undefined, olderThan(reports, cursor)))
    .orderBy(...newestFirst(reports))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, serialize);
}

/** The row itself, for services that need more than the answer (e.g. the analysis). */
export async function findReport(db: Db, organizationId: string, id: string): Promise<ReportRow> {
  const [report] = await db.select().from(reports).where(inOrganization(organizationId, id));
  if (!report) throw notFound('report');
  return report;
}

export async function getReport(db: Db, organizationId: string, id: string) {
  return serialize(await findReport(db, organizationId, id));
}

export async function createReport(db: Db, organizationId: string, input: ReportInput) {
  const [report] = await db.insert(reports).values({ ...input, organizationId }).returning();
  return serialize(report!);
}

export async function updateReport(db: Db, organizationId: string, id: string, change: Partial<ReportInput>) {
  if (Object.values(change).every((v) => v === undefined)) return getReport(db, organizationId, id);
  const [report] = await db.update(reports).set(change).where(inOrganization(organizationId, id)).returning();
  if (!report) throw notFound('report');
  return serialize(report);
}

/** Deletes the report; its analyses go with it (ON DELETE CASCADE). */
export async function deleteReport(db: Db, organizationId: string, id: string) {
  const deleted = await db.delete(reports).where(inOrganization(organizationId, id)).returning({ id: reports.id });
  if (!deleted.length) throw notFound('report');
}
