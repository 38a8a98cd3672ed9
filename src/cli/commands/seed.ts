import { seedFiles } from '../../services/seed.service.js';
import { defineCommand } from '../command.js';
import { ingestAndReport } from './ingest.js';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'apply constraints and indexes, then ingest seed/documents/',
  usage: `Usage: npm run seed

  Applies the constraints and indexes, then ingests the documents of seed/documents/ as one batch, as npm run
  ingest does.`,
  options: {},
  run: () => ingestAndReport(seedFiles(), { dryRun: false }),
});
