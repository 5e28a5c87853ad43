// What the API accepts: bodies, query strings and path parameters. The routes validate with these and
// /openapi.json is generated from them, so the documentation cannot drift from the checks.
import { z } from 'zod';
import { REPORT_STATUS_VALUES, ROLE_VALUES } from '../db/schema.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../lib/pagination.js';

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const email = z.email('must be an email address').max(320);

export const IdParams = z.object({ id: z.uuid() });

export const PageQuery = z.object({
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int(`must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});

export const SyncBody = z.object({
  email,
  organizationName: z.string().trim().min(1).max(200).optional().describe('creates an organization (and makes the caller its ADMIN) when the caller has none'),
});

export const UpdateOrganizationBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com')
    .nullable()
    .optional(),
});

export const CreateUserBody = z.object({
  clerkId: z.string().trim().min(1).max(191),
  email,
  role: z.enum(ROLE_VALUES).default('USER'),
});
export const UpdateUserBody = z.object({ role: z.enum(ROLE_VALUES) });

export const ListReportsQuery = PageQuery.extend({ status: z.enum(REPORT_STATUS_VALUES).optional() });
export const CreateReportBody = z.object({
  title,
  content: z.string().max(100_000, 'must be at most 100000 characters').default(''),
  status: z.enum(REPORT_STATUS_VALUES).default('DRAFT'),
});
export const UpdateReportBody = z.object({
  title: title.optional(),
  content: z.string().max(100_000, 'must be at most 100000 characters').optional(),
  status: z.enum(REPORT_STATUS_VALUES).optional(),
});

export const ListHelpQuery = PageQuery.extend({
  category: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('case-insensitive substring of the title or content'),
});
export const CreateHelpBody = z.object({
  title,
  content: z.string().max(100_000, 'must be at most 100000 characters'),
  category: z.string().trim().min(1).max(100).default('general'),
  isPublished: z.boolean().default(false),
});
export const UpdateHelpBody = z.object({
  title: title.optional(),
  content: z.string().max(100_000, 'must be at most 100000 characters').optional(),
  category: z.string().trim().min(1).max(100).optional(),
  isPublished: z.boolean().optional(),
});

export type ListReportsQuery = z.output<typeof ListReportsQuery>;
export type ListHelpQuery = z.output<typeof ListHelpQuery>;
export type PageQuery = z.output<typeof PageQuery>;
