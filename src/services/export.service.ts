import type { Db } from '../db/run-query.js';
import { JUDGEMENTS_FORMAT, type SourceDocument } from '../domain/registry/index.js';
import { toCsvFiles } from '../exports/csv.js';
import { toFtmLines } from '../exports/ftm.js';
import { toGexf } from '../exports/gexf.js';
import { toGraphml } from '../exports/graphml.js';
import { foldMeetings, type Network } from '../exports/network.js';
import { toPopolo } from '../exports/popolo.js';
import { assembleDocuments, ownFields } from '../ingest/assemble-documents.js';
import { readGraphForExport, readNetwork } from '../repositories/export.repository.js';
import type { JudgementModel } from '../repositories/models.js';
import { readJudgements } from '../repositories/resolution.repository.js';

/** The file export writes the judgements to, beside the documents; ingest applies it again. */
export const JUDGEMENTS_FILE = 'judgements.json';

/**
 * The graph as source documents, one per source, and the verdicts on match candidates as a judgements file:
 * ingesting all of them into an empty graph rebuilds the same graph, merges included. Reads each label once.
 */
export async function exportDocuments(
  db: Db,
): Promise<{ documents: SourceDocument[]; judgements: { format: typeof JUDGEMENTS_FORMAT; judgements: JudgementModel[] } }> {
  const documents = assembleDocuments(await readGraphForExport(db));
  return { documents, judgements: { format: JUDGEMENTS_FORMAT, judgements: await readJudgements(db) } };
}

/** The formats `npm run export` and GET /export/FORMAT write. */
export const EXPORT_FORMATS = ['documents', 'graphml', 'gexf', 'popolo', 'ftm', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** For graphml and gexf: meetings as nodes (with ATTENDED edges), or folded into weighted person–person edges. */
  meetings?: 'nodes' | 'edges';
}

/** Formats written as several files (a directory, an index over HTTP); the others are one file. */
const SEVERAL_FILES: readonly ExportFormat[] = ['documents', 'csv'];

export function writesSeveralFiles(format: ExportFormat): boolean {
  return SEVERAL_FILES.includes(format);
}

/** What an export writes: one file, or several (documents, csv), each with its name and media type. */
export interface ExportFiles {
  files: { name: string; type: string; body: string }[];
}

/** The graph as the network the exchange formats are written from: derived properties left out, sources as ids. */
export async function readExportNetwork(db: Db): Promise<Network> {
  const rows = await readNetwork(db);
  return {
    nodes: rows.nodes.map((n) => {
      const props = ownFields(n.props);
      const caption = (n.props.caption ?? props.name ?? props.title ?? props.summary ?? n.id) as string;
      return { id: n.id, label: n.label, caption, props, sources: [...new Set(n.sources)].sort() };
    }),
    edges: rows.edges.map((e) => {
      const { sourceIds, paragraphs: _paragraphs, notes: _notes, ...props } = e.props;
      return {
        from: e.from,
        to: e.to,
        type: e.type,
        props: ownFields(props),
        sources: [...new Set((sourceIds as string[] | undefined) ?? [])].sort(),
        weight: 1,
      };
    }),
    sources: rows.sources,
  };
}

/** Writes the graph in `format`; ids are the graph's in every format, and every entity carries its source ids. */
export async function exportGraph(db: Db, format: ExportFormat, options: ExportOptions = {}): Promise<ExportFiles> {
  if (format === 'documents') {
    const { documents, judgements } = await exportDocuments(db);
    return {
      files: [
        ...documents.map((doc) => ({
          name: `${doc.sources[0]!.id}.json`,
          type: 'application/json',
          body: `${JSON.stringify(doc, null, 2)}\n`,
        })),
        ...(judgements.judgements.length > 0
          ? [{ name: JUDGEMENTS_FILE, type: 'application/json', body: `${JSON.stringify(judgements, null, 2)}\n` }]
          : []),
      ],
    };
  }
  const network = await readExportNetwork(db);
  const drawn = options.meetings === 'edges' ? foldMeetings(network) : network;
  switch (format) {
    case 'graphml':
      return { files: [{ name: 'officials.graphml', type: 'application/graphml+xml', body: toGraphml(drawn) }] };
    case 'gexf':
      return { files: [{ name: 'officials.gexf', type: 'application/gexf+xml', body: toGexf(drawn) }] };
    case 'popolo':
      return {
        files: [{ name: 'officials.popolo.json', type: 'application/json', body: `${JSON.stringify(toPopolo(network), null, 2)}\n` }],
      };
    case 'ftm':
      return { files: [{ name: 'officials.ftm.jsonl', type: 'application/x-ndjson', body: toFtmLines(network) }] };
    case 'csv':
      return { files: [...toCsvFiles(network)].map(([name, body]) => ({ name, type: 'text/csv', body })) };
  }
}
