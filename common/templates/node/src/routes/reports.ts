import { analyzeReport, listAnalyses } from '../services/analysis.js';
import type { Services } from '../services/index.js';
import { createReport, deleteReport, getReport, listReports, updateReport } from '../services/reports.js';
import type { Handlers } from '../types/handlers.js';

type ReportOperations = 'listReports' | 'createReport' | 'getReport' | 'updateReport' | 'deleteReport' | 'analyzeReport' | 'listAnalyses';

export function reportHandlers({ db, gemini }: Services): Handlers<ReportOperations> {
  return {
    listReports: async ({ caller, query }) => listReports(db, caller.organizationId, query),
    createReport: async ({ caller, body }) => createReport(db, caller.organizationId, body),
    getReport: async ({ caller, params }) => getReport(db, caller.organizationId, params.id),
    updateReport: async ({ caller, params, body }) => updateReport(db, caller.organizationId, params.id, body),
    deleteReport: async ({ caller, params }) => deleteReport(db, caller.organizationId, params.id),
    analyzeReport: async ({ caller, params }) => analyzeReport(db, gemini, caller.organizationId, params.id),
    listAnalyses: async ({ caller, params, query }) => listAnalyses(db, caller.organizationId, params.id, query),
  };
}
