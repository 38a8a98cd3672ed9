import { nameKey } from '../../domain/names.js';
import { editDistance } from '../../domain/similarity.js';

/** Precision and recall over a set of items, with the counts behind them. */
export interface PrecisionRecall {
  truePositives: number;
  proposed: number;
  expected: number;
}

export interface DraftScores {
  people: PrecisionRecall;
  meetings: PrecisionRecall;
  pairs: PrecisionRecall;
  /** Matched meetings whose date equals the reviewed one, at its precision; `invented`: finer than the reviewed. */
  dates: { exact: number; total: number; invented: number };
  /** Participants of matched meetings whose post equals the reviewed one, where the review gives one. */
  posts: { exact: number; total: number };
  /** People the review has only as mentioned (greetings on behalf of, background) who became participants. */
  mentionedAsParticipants: number;
}

interface Doc {
  people?: { id: string; name: string; aliases?: string[] }[];
  meetings?: { id: string; date?: string; format: string; participants: { person: string; post?: string }[] }[];
}

/** New people match when every word matches, one letter apart at most for words of five letters or more. */
function sameNewName(a: string, b: string): boolean {
  const [wa, wb] = [nameKey(a).split(' '), nameKey(b).split(' ')];
  return wa.length === wb.length && wa.every((w, i) => w === wb[i] || (w.length >= 5 && editDistance(w, wb[i]!) <= 1));
}

/** Maps each person id of a document to a key that is comparable across documents: the graph id, or the name. */
function personKeys(doc: Doc, graphIds: ReadonlySet<string>): Map<string, string> {
  return new Map((doc.people ?? []).map((p) => [p.id, graphIds.has(p.id) ? `graph:${p.id}` : `new:${p.name}`]));
}

function sameKey(a: string, b: string): boolean {
  if (a.startsWith('graph:') || b.startsWith('graph:')) return a === b;
  return sameNewName(a.slice(4), b.slice(4));
}

const pairsOf = (meetings: string[][]) => {
  const pairs: [string, string][] = [];
  for (const ps of meetings) for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) pairs.push([ps[i]!, ps[j]!]);
  return pairs;
};

function countMatches<T>(proposed: T[], expected: T[], same: (a: T, b: T) => boolean): PrecisionRecall {
  const left = [...expected];
  let truePositives = 0;
  for (const item of proposed) {
    const at = left.findIndex((e) => same(item, e));
    if (at >= 0) {
      truePositives++;
      left.splice(at, 1);
    }
  }
  return { truePositives, proposed: proposed.length, expected: expected.length };
}

/**
 * Scores a draft against the reviewed document of the same report: people (graph id or, for new people, the
 * name), meetings (participant sets overlapping by half, a call only with a call), who-met-whom pairs, dates of
 * matched meetings, posts of their participants, and people only mentioned who were made participants.
 */
export function scoreDraft(draft: Doc, gold: Doc, graphIds: ReadonlySet<string>): DraftScores {
  const [dk, gk] = [personKeys(draft, graphIds), personKeys(gold, graphIds)];
  const participants = (doc: Doc, keys: Map<string, string>) =>
    (doc.meetings ?? []).map((m) => [...new Set(m.participants.map((p) => keys.get(p.person) ?? `graph:${p.person}`))]);
  const [dm, gm] = [participants(draft, dk), participants(gold, gk)];
  const dedupe = (pairs: [string, string][]) => pairs.filter((p, i) => pairs.findIndex((q) => samePair(p, q)) === i);
  const samePair = (p: [string, string], q: [string, string]) =>
    (sameKey(p[0], q[0]) && sameKey(p[1], q[1])) || (sameKey(p[0], q[1]) && sameKey(p[1], q[0]));

  const jaccard = (a: string[], b: string[]) => {
    const shared = a.filter((x) => b.some((y) => sameKey(x, y))).length;
    return shared / (a.length + b.length - shared);
  };
  const matched: [number, number][] = [];
  const goldLeft = new Set(gm.map((_, i) => i));
  dm.forEach((ps, i) => {
    const isCall = draft.meetings![i]!.format === 'CALL';
    const j = [...goldLeft].find((g) => jaccard(ps, gm[g]!) >= 0.5 && (gold.meetings![g]!.format === 'CALL') === isCall);
    if (j !== undefined) {
      matched.push([i, j]);
      goldLeft.delete(j);
    }
  });
  let [exact, invented, postsExact, postsTotal] = [0, 0, 0, 0];
  for (const [i, j] of matched) {
    const [d, g] = [draft.meetings![i]!, gold.meetings![j]!];
    if ((d.date ?? '') === (g.date ?? '')) exact++;
    if ((d.date ?? '').length > (g.date ?? '').length) invented++;
    for (const gp of g.participants.filter((p) => p.post)) {
      postsTotal++;
      const dp = d.participants.find((p) => sameKey(dk.get(p.person) ?? `graph:${p.person}`, gk.get(gp.person) ?? `graph:${gp.person}`));
      if (dp?.post === gp.post) postsExact++;
    }
  }
  const goldParticipants = new Set(gm.flat());
  const mentioned = [...gk.values()].filter((k) => ![...goldParticipants].some((p) => sameKey(p, k)));
  return {
    people: countMatches([...dk.values()], [...gk.values()], sameKey),
    meetings: { truePositives: matched.length, proposed: dm.length, expected: gm.length },
    pairs: countMatches(dedupe(pairsOf(dm)), dedupe(pairsOf(gm)), samePair),
    dates: { exact, total: matched.length, invented },
    posts: { exact: postsExact, total: postsTotal },
    mentionedAsParticipants: mentioned.filter((k) => dm.flat().some((p) => sameKey(p, k))).length,
  };
}

/** Adds scores of several reports (micro-average). */
export function addScores(all: DraftScores[]): DraftScores {
  const pr = (pick: (s: DraftScores) => PrecisionRecall) => ({
    truePositives: all.reduce((n, s) => n + pick(s).truePositives, 0),
    proposed: all.reduce((n, s) => n + pick(s).proposed, 0),
    expected: all.reduce((n, s) => n + pick(s).expected, 0),
  });
  return {
    people: pr((s) => s.people),
    meetings: pr((s) => s.meetings),
    pairs: pr((s) => s.pairs),
    dates: {
      exact: all.reduce((n, s) => n + s.dates.exact, 0),
      total: all.reduce((n, s) => n + s.dates.total, 0),
      invented: all.reduce((n, s) => n + s.dates.invented, 0),
    },
    posts: { exact: all.reduce((n, s) => n + s.posts.exact, 0), total: all.reduce((n, s) => n + s.posts.total, 0) },
    mentionedAsParticipants: all.reduce((n, s) => n + s.mentionedAsParticipants, 0),
  };
}

export const precision = (s: PrecisionRecall) => (s.proposed === 0 ? 1 : s.truePositives / s.proposed);
export const recall = (s: PrecisionRecall) => (s.expected === 0 ? 1 : s.truePositives / s.expected);
