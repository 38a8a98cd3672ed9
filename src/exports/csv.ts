import type { Network } from './network.js';

function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) || typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: unknown[][]): string {
  return [header, ...rows]
    .map((row) => row.map(field).join(','))
    .join('\n')
    .concat('\n');
}

/**
 * CSV (RFC 4180), one file per label (`nodes-Person.csv`: id, each property, sources) and per relationship type
 * (`relationships-ATTENDED.csv`: from, to, each property, sources). Lists and maps are JSON text; source ids are
 * joined by `;`. Every row's ids are the graph's, so the files load back with LOAD CSV.
 */
export function toCsvFiles(network: Network): Map<string, string> {
  const files = new Map<string, string>();
  const labels = [...new Set(network.nodes.map((n) => n.label))].sort();
  for (const label of labels) {
    const nodes = network.nodes.filter((n) => n.label === label);
    const keys = [...new Set(nodes.flatMap((n) => Object.keys(n.props)))].filter((k) => k !== 'id').sort();
    files.set(
      `nodes-${label}.csv`,
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
      `relationships-${type}.csv`,
      table(
        ['from', 'to', ...keys, 'sources'],
        edges.map((e) => [e.from, e.to, ...keys.map((k) => e.props[k]), e.sources.join(';')]),
      ),
    );
  }
  return files;
}
