// Every route of the API, described once: method, path, who may call it, what it accepts and answers.
// The framework binds these to handlers (src/routes), validation uses their schemas, and /openapi.json
// is generated from them.
import { z } from 'zod';
import type { Access } from '../services/auth.js';
import * as req from './requests.js';
import * as res from './resources.js';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express-style path: `/api/reports/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The handler gets the body as raw text (signed webhooks). */
  rawBody?: boolean;
  /** Status of a success, and what it answers (null: no body). */
  status: 200 | 201 | 204;
  response: z.ZodType | null;
}

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const Profile = z.object({ user: res.UserSchema, organization: res.OrganizationSchema.nullable() });
const Health = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['ok', 'error']).optional() });

export const operations = {
  health: { method: 'get', path: '/health', summary: 'Liveness: the process answers', tag: 'health', access: 'public', status: 200, response: Health },
  ready: { method: 'get', path: '/health/ready', summary: 'Readiness: the database answers (503 when it does not)', tag: 'health', access: 'public', status: 200, response: Health },
  openapi: { method: 'get', path: '/openapi.json', summary: 'This OpenAPI document', tag: 'health', access: 'public', status: 200, response: z.record(z.string(), z.unknown()) },

  syncUser: { method: 'post', path: '/auth/sync', summary: 'Create or update the local user of the token; organizationName founds an organization', tag: 'auth', access: 'token', body: req.SyncBody, status: 200, response: Profile },
  me: { method: 'get', path: '/auth/me', summary: 'The local user and organization of the token (404 before /auth/sync)', tag: 'auth', access: 'token', status: 200, response: Profile },
  clerkWebhook: { method: 'post', path: '/auth/webhooks/clerk', summary: 'Clerk user events, Svix-signed', tag: 'auth', access: 'public', rawBody: true, status: 200, response: z.object({ received: z.boolean(), type: z.string() }) },

  getOrganization: { method: 'get', path: '/api/organizations/current', summary: "The caller's organization", tag: 'organizations', access: 'member', status: 200, response: res.OrganizationSchema },
  updateOrganization: { method: 'patch', path: '/api/organizations/current', summary: "Rename the caller's organization or set its domain", tag: 'organizations', access: 'admin', body: req.UpdateOrganizationBody, status: 200, response: res.OrganizationSchema },

  listUsers: { method: 'get', path: '/api/users', summary: "The organization's users, newest first", tag: 'users', access: 'member', query: req.PageQuery, status: 200, response: list(res.UserSchema) },
  addUser: { method: 'post', path: '/api/users', summary: 'Add a Clerk user to the organization', tag: 'users', access: 'admin', body: req.CreateUserBody, status: 201, response: res.UserSchema },
  updateUser: { method: 'patch', path: '/api/users/:id', summary: "Change a member's role (the last ADMIN stays)", tag: 'users', access: 'admin', params: req.IdParams, body: req.UpdateUserBody, status: 200, response: res.UserSchema },
  deleteUser: { method: 'delete', path: '/api/users/:id', summary: 'Remove a member (the last ADMIN stays)', tag: 'users', access: 'admin', params: req.IdParams, status: 204, response: null },

  listReports: { method: 'get', path: '/api/reports', summary: "The organization's reports, newest first", tag: 'reports', access: 'member', query: req.ListReportsQuery, status: 200, response: list(res.ReportSchema) },
  createReport: { method: 'post', path: '/api/reports', summary: 'Write a report', tag: 'reports', access: 'member', body: req.CreateReportBody, status: 201, response: res.ReportSchema },
  getReport: { method: 'get', path: '/api/reports/:id', summary: 'One report', tag: 'reports', access: 'member', params: req.IdParams, status: 200, response: res.ReportSchema },
  updateReport: { method: 'patch', path: '/api/reports/:id', summary: 'Change a report', tag: 'reports', access: 'member', params: req.IdParams, body: req.UpdateReportBody, status: 200, response: res.ReportSchema },
  deleteReport: { method: 'delete', path: '/api/reports/:id', summary: 'Delete a report and its analyses', tag: 'reports', access: 'admin', params: req.IdParams, status: 204, response: null },

  analyzeReport: { method: 'post', path: '/api/reports/:id/analysis', summary: "Analyse the report's content with Gemini and store the answer", tag: 'analysis', access: 'member', params: req.IdParams, status: 201, response: res.AiAnalysisSchema },
  listAnalyses: { method: 'get', path: '/api/reports/:id/analysis', summary: "The report's analyses, newest first", tag: 'analysis', access: 'member', params: req.IdParams, query: req.PageQuery, status: 200, response: list(res.AiAnalysisSchema) },

  listHelp: { method: 'get', path: '/api/help', summary: 'Published help articles, newest first', tag: 'help', access: 'public', query: req.ListHelpQuery, status: 200, response: list(res.HelpArticleSchema) },
  getHelp: { method: 'get', path: '/api/help/:id', summary: 'A published help article; counts one view', tag: 'help', access: 'public', params: req.IdParams, status: 200, response: res.HelpArticleSchema },
  createHelp: { method: 'post', path: '/api/help', summary: 'Write a help article', tag: 'help', access: 'admin', body: req.CreateHelpBody, status: 201, response: res.HelpArticleSchema },
  updateHelp: { method: 'patch', path: '/api/help/:id', summary: 'Change a help article', tag: 'help', access: 'admin', params: req.IdParams, body: req.UpdateHelpBody, status: 200, response: res.HelpArticleSchema },
  deleteHelp: { method: 'delete', path: '/api/help/:id', summary: 'Delete a help article', tag: 'help', access: 'admin', params: req.IdParams, status: 204, response: null },
} as const satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;
