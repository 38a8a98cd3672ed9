import type { Network } from './network.js';

/**
 * Text a spreadsheet would run as a formula when the file is opened (=, +, -, @, and tab or carriage return before
 * them); such a cell gets a leading quote, as OWASP advises, which spreadsheets show as text. Numbers are data.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) || typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file of a label's nodes, and of a relationship type's relationships. */
export const nodesFileName = (label: string) => `nodes-${label}.csv`;
export const relationshipsFileName = (type: string) => `relationships-${type}.csv`;

function table(header: string[], rows: unknown[][]): string {
  return [header, ...rows]
    .map((row) => row.map(field).join(','))
    .join('\n')
    .concat('\n');
}

/**
 * CSV (RFC 4180), one file per label (`nodes-Person.csv`: id, each property, sources) and per relationship type
 * (`relationships-ATTENDED.csv`: from, to, each property, sources). Lists and maps are JSON text; source ids are
 * joined by `;`. Every row's ids are the graph's, so the files load back with LOAD CSV; a text that starts like a
 * formula comes back with its leading quote.
 */
export function toCsvFiles(network: Network): Map<string, string> {
  const files = new Map<string, string>();
  const labels = [...new Set(network.nodes.map((n) => n.label))].sort();
  for (const label of labels) {
    const nodes = network.nodes.filter((n) => n.label === label);
    const keys = [...new Set(nodes.flatMap((n) => Object.keys(n.props)))].filter((k) => k !== 'id').sort();
    files.set(
      nodesFileName(label),
      table(
        ['id', ...keys, 'sources'],
        nodes.map((n) => [n.id, ...keys.map((k) => n.props[k]), n.sources.join(';')]),
      ),
    );
  }
  const types = [...new Set(network.edges.map((e) => e.type))].sort();
  for (const type of types) {
    const edges = network.edges.filter((e) => e.type === type);
    const keys = [...new Set(edges.flatMap((e) => Object.keys(e.props)))].sort();
    files.set(
      relationshipsFileName(type),
      table(
        ['from', 'to', ...keys, 'sources'],
        edges.map((e) => [e.from, e.to, ...keys.map((k) => e.props[k]), e.sources.join(';')]),
      ),
    );
  }
  return files;
}
