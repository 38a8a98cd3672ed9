import type { Db } from '../db/run-query.js';
import { ENTITY_LABELS, JUDGEMENTS_FORMAT, RELATIONSHIP_TYPES, type SourceDocument } from '../domain/registry/index.js';
import { assembleDocuments, ownFields } from '../exports/assemble-documents.js';
import { nodesFileName, relationshipsFileName, toCsvFiles } from '../exports/csv.js';
import { toFtmLines } from '../exports/ftm.js';
import { toGexf } from '../exports/gexf.js';
import { toGraphml } from '../exports/graphml.js';
import { foldMeetings, type Network } from '../exports/network.js';
import { toPopolo } from '../exports/popolo.js';
import { readGraphForExport, readNetwork } from '../repositories/export.repository.js';
import type { JudgementModel } from '../repositories/models.js';
import { readJudgements } from '../repositories/resolution.repository.js';
import { findSourceById } from '../repositories/source.repository.js';

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

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

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
          name: documentFileName(doc.sources[0]!.id),
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

/** The file a source's document is written to. */
function documentFileName(sourceId: string): string {
  return `${sourceId}.json`;
}

/** Every file a csv export can write: one per label the registry knows, one per relationship type. */
const CSV_FILE_NAMES: ReadonlySet<string> = new Set([
  ...ENTITY_LABELS.map(nodesFileName),
  ...Object.keys(RELATIONSHIP_TYPES).map(relationshipsFileName),
]);

/**
 * Whether the export of `format` can hold a file called `name`, decided without building it: csv names come from
 * the registry; a document is named after its source, looked up by id (one statement); one-file formats have no
 * named files. An export that can hold the name may still lack it (a label with no nodes yet).
 */
export async function mayHoldFile(db: Db, format: ExportFormat, name: string): Promise<boolean> {
  if (format === 'csv') return CSV_FILE_NAMES.has(name);
  if (format !== 'documents') return false;
  if (name === JUDGEMENTS_FILE) return true;
  const sourceId = /^(.+)\.json$/.exec(name)?.[1];
  return sourceId !== undefined && (await findSourceById(db, sourceId)) !== null;
}

/**
 * Whether a file of an export needs the API key even where exports are open: the judgements, who judged which pair
 * of people and why, are what matchCandidates guards, and are guarded as it is.
 */
export function fileNeedsKey(format: ExportFormat, name: string): boolean {
  return format === 'documents' && name === JUDGEMENTS_FILE;
}

/** How long a finished build answers further requests: enough for a client to fetch every file of a multi-file export. */
const KEPT_MS = 5_000;

/**
 * Exports built for the API. A build reads the whole graph and holds it in memory, so builds run one at a time in
 * the process; a request for an export being built, or built in the last `keptMs`, is answered from that build, so
 * the files of a multi-file export cost one build and an answer is at most `keptMs` older than the graph. A failed
 * build is forgotten at once: the next request tries again.
 */
export class ExportBuilds {
  private readonly builds = new Map<string, Promise<ExportFiles>>();
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly keptMs = KEPT_MS,
  ) {}

  files(format: ExportFormat, options: ExportOptions = {}): Promise<ExportFiles> {
    // Only graphml and gexf draw meetings either way; the other formats are one build whatever was asked.
    const meetings = format === 'graphml' || format === 'gexf' ? (options.meetings ?? 'nodes') : 'nodes';
    const key = `${format}?meetings=${meetings}`;
    const kept = this.builds.get(key);
    if (kept) return kept;
    const build = this.previous.then(() => exportGraph(this.db, format, { meetings }));
    this.previous = build.catch(() => undefined);
    this.builds.set(key, build);
    const forget = () => {
      if (this.builds.get(key) === build) this.builds.delete(key);
    };
    build.then(() => setTimeout(forget, this.keptMs).unref(), forget);
    return build;
  }
}
