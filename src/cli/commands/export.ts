import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportGraph, writesSeveralFiles } from '../../services/export.service.js';
import { defineCommand } from '../command.js';
import { log, withDb } from '../shared.js';

const MEETINGS = ['nodes', 'edges'] as const;

/** Writes the files of an export: into the directory PATH for formats of several files, else as the file PATH. */
function writeExport(format: ExportFormat, out: string, files: { name: string; body: string }[]): number {
  const directory = writesSeveralFiles(format);
  if (directory) mkdirSync(out, { recursive: true });
  else mkdirSync(dirname(resolve(out)), { recursive: true });
  let bytes = 0;
  for (const file of files) {
    writeFileSync(directory ? join(out, file.name) : out, file.body);
    bytes += Buffer.byteLength(file.body);
  }
  return bytes;
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'write the graph out: source documents (the default), graphml, gexf, popolo, ftm or csv',
  usage: `Usage: npm run export -- --out PATH [--format FORMAT] [--meetings nodes|edges]

  Writes the graph out.

  --out PATH             a directory for documents and csv, a file for the other formats
  --format FORMAT        one of ${EXPORT_FORMATS.join(', ')}. documents (the default): one source
                         document per source in the directory PATH, and the judgements on match candidates as
                         judgements.json; graphml and gexf: the file PATH; popolo (JSON), ftm (FollowTheMoney JSON
                         lines): the file PATH; csv: one file per label and per relationship type in the directory PATH
  --meetings nodes|edges for graphml and gexf: meetings as nodes (the default), or edges: person-person edges
                         weighted by the meetings shared`,
  options: {
    out: { type: 'string' },
    format: { type: 'string', default: 'documents' },
    meetings: { type: 'string', default: 'nodes' },
  },
  async run({ values }) {
    const format = values.format as ExportFormat;
    const out = values.out;
    const meetings = values.meetings as (typeof MEETINGS)[number];
    if (!out || !EXPORT_FORMATS.includes(format) || !MEETINGS.includes(meetings)) {
      log(`export needs --out PATH, --format one of ${EXPORT_FORMATS.join(', ')}, and --meetings nodes or edges`);
      return 2;
    }
    return withDb(async (db) => {
      const began = performance.now();
      const { files } = await exportGraph(db, format, { meetings });
      const bytes = writeExport(format, out, files);
      log(
        `wrote ${format}: ${files.length} file(s), ${(bytes / 1_000_000).toFixed(1)} MB, to ${out} ` +
          `in ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );
      return 0;
    });
  },
});
