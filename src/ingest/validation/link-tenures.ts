import { parsePartialDate } from '../../domain/partial-date.js';
import type { Problem } from '../../domain/problem.js';
import type { NamedDocument } from './entries.js';

/** A term of office as far as its dates are known; attested as a window when several sources attest it. */
export interface TenureDates {
  id: string;
  start?: string | null;
  end?: string | null;
  attested?: string | null;
  attestedFrom?: string | null;
  attestedTo?: string | null;
}

interface Window {
  from: string;
  to: string;
}

const window = (value: string | null | undefined): Window | undefined => (value ? parsePartialDate(value) : undefined);
const overlap = (a: Window, b: Window) => a.from <= b.to && b.from <= a.to;
const attestedWindow = (t: TenureDates): Window | undefined =>
  t.attestedFrom && t.attestedTo ? { from: t.attestedFrom, to: t.attestedTo } : window(t.attested);
const span = (t: TenureDates): Window => ({ from: window(t.start)?.from ?? '0000-01-01', to: window(t.end)?.to ?? '9999-12-31' });

/**
 * Whether two terms of one person in one post can be one mandate: starts and ends that are both known agree at
 * the precision they have, and an attestation of either falls within the other's known start and end.
 */
export function sameMandate(a: TenureDates, b: TenureDates): boolean {
  const [startA, startB, endA, endB] = [window(a.start), window(b.start), window(a.end), window(b.end)];
  if (startA && startB && !overlap(startA, startB)) return false;
  if (endA && endB && !overlap(endA, endB)) return false;
  const [attestedA, attestedB] = [attestedWindow(a), attestedWindow(b)];
  if (attestedA && !overlap(attestedA, span(b))) return false;
  if (attestedB && !overlap(attestedB, span(a))) return false;
  return true;
}

export interface TenureLookup {
  /** Tenures the graph holds for each person and post, by `person|post`. */
  findTenures(pairs: { person: string; post: string }[]): Promise<Map<string, TenureDates[]>>;
}

/**
 * One tenure per mandate: a tenure of the batch whose person and post already hold a tenure with compatible dates
 * (in the graph, or earlier in the batch by id order) is that tenure, attested again; its id maps to the other's.
 * One with conflicting dates is kept apart, and a notice says so.
 */
export async function linkTenures(
  documents: readonly NamedDocument[],
  idMap: Map<string, string>,
  graph: TenureLookup,
  notice: (problem: Problem) => void,
): Promise<void> {
  const id = (docId: string) => idMap.get(docId) ?? docId;
  const incoming = documents
    .flatMap(({ file, document }) => (document.tenures ?? []).map((tenure, index) => ({ file, tenure, index })))
    .sort((a, b) => a.tenure.id.localeCompare(b.tenure.id));
  if (incoming.length === 0) return;
  const pairs = [
    ...new Map(
      incoming.map(({ tenure }) => [`${id(tenure.person)}|${id(tenure.post)}`, { person: id(tenure.person), post: id(tenure.post) }]),
    ).values(),
  ];
  const known = await graph.findTenures(pairs);
  for (const { file, tenure, index } of incoming) {
    const key = `${id(tenure.person)}|${id(tenure.post)}`;
    const others = (known.get(key) ?? []).filter((t) => t.id !== tenure.id);
    if ((known.get(key) ?? []).some((t) => t.id === tenure.id)) continue;
    const match = others.find((other) => sameMandate(tenure, other));
    if (match) {
      idMap.set(tenure.id, match.id);
    } else {
      for (const other of others) {
        notice({
          file,
          path: `/tenures/${index}`,
          message: `"${tenure.id}" is kept apart from tenure "${other.id}" of the same person and post: their dates conflict`,
          expected: 'dates that agree, for one mandate attested again',
        });
      }
      known.set(key, [...(known.get(key) ?? []), tenure]);
    }
  }
}
