import { Controller, Inject } from '@nestjs/common';
import { Input, Operation } from '../../nest/operation.js';
import type { reportHandlers } from '../../routes/reports.js';

export const REPORT_HANDLERS = Symbol('ReportHandlers');

@Controller()
export class ReportsController {
  constructor(@Inject(REPORT_HANDLERS) private readonly handlers: ReturnType<typeof reportHandlers>) {}

  @Operation('listReports')
  listReports(@Input() input: Input<'listReports'>) {
    return this.handlers.listReports(input);
  }

  @Operation('createReport')
  createReport(@Input() input: Input<'createReport'>) {
    return this.handlers.createReport(input);
  }

  @Operation('getReport')
  getReport(@Input() input: Input<'getReport'>) {
    return this.handlers.getReport(input);
  }

  @Operation('updateReport')
  updateReport(@Input() input: Input<'updateReport'>) {
    return this.handlers.updateReport(input);
  }

  @Operation('deleteReport')
  deleteReport(@Input() input: Input<'deleteReport'>) {
    return this.handlers.deleteReport(input);
  }

  /** Gemini's analysis of the report's content, stored with it. */
  @Operation('analyzeReport')
  analyzeReport(@Input() input: Input<'analyzeReport'>) {
    return this.handlers.analyzeReport(input);
  }

  @Operation('listAnalyses')
  listAnalyses(@Input() input: Input<'listAnalyses'>) {
    return this.handlers.listAnalyses(input);
  }
}
