// /api/reports: the organization's reports and their AI analyses.
import { Module } from '@nestjs/common';
import { handlersProvider } from '../../nest/handlers.js';
import { reportHandlers } from '../../routes/reports.js';
import { REPORT_HANDLERS, ReportsController } from './reports.controller.js';

@Module({
  controllers: [ReportsController],
  providers: [handlersProvider(REPORT_HANDLERS, reportHandlers)],
})
export class ReportsModule {}
