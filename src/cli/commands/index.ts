import type { Command } from '../command.js';
import { checkCopyCommand } from './check-copy.js';
import { draftCommand } from './draft.js';
import { evalDraftCommand } from './eval-draft.js';
import { exportCommand } from './export.js';
import { fingerprintCommand } from './fingerprint.js';
import { importCommand } from './import.js';
import { ingestCommand } from './ingest.js';
import { neo4jCommand } from './neo4j.js';
import { nlpCommand } from './nlp.js';
import { resolveCommand } from './resolve.js';
import { seedCommand } from './seed.js';

/** Every command of `npm run cli`, in the order `--help` lists them: loading, then review, drafting, the servers. */
export const COMMANDS: readonly Command[] = [
  ingestCommand,
  importCommand,
  checkCopyCommand,
  exportCommand,
  resolveCommand,
  draftCommand,
  evalDraftCommand,
  seedCommand,
  fingerprintCommand,
  neo4jCommand,
  nlpCommand,
];
