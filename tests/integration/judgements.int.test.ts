import { describe, expect, it } from 'vitest';
import { JUDGEMENT_LIMITS, JUDGEMENTS_FORMAT } from '../../src/domain/registry/index.js';
import { applyConstraints } from '../../src/services/constraints.service.js';
import { exportDocuments } from '../../src/services/export.service.js';
import { ingestDocuments, ingestFiles } from '../../src/services/ingest.service.js';
import { seedFiles } from '../../src/services/seed.service.js';
import { execute } from '../helpers/execute.js';
import { personDocument, useSeededGraph } from '../helpers/graph-fixtures.js';
import { dumpGraph, resetGraph } from '../helpers/test-db.js';

const graph = useSeededGraph();
const run = <T = any>(query: string, variables: Record<string, unknown> = {}) =>
  execute<T>(graph.server, graph.t.db, query, variables, { authenticated: true });

const JUDGE = /* GraphQL */ `
  mutation($a: ID!, $b: ID!, $verdict: Verdict!, $note: String) {
    judgeMatch(a: $a, b: $b, verdict: $verdict, note: $note) { a b verdict by at note person { id } }
  }`;
const judge = (a: string, b: string, verdict: string, note: string | null = null) => run(JUDGE, { a, b, verdict, note });

const SURNAMES = ['Dovletov', 'Mammadli', 'Huseynli', 'Rzayev', 'Guliyev', 'Nasirov', 'Orujov', 'Safarov', 'Tagiyev', 'Yusifov'];
const GIVEN_NAMES = ['Kamran', 'Elnur', 'Rashad', 'Farid', 'Anar', 'Tural'];
let pairsSoFar = 0;

/**
 * Pairs of people spelled two ways, one document per pair (so each is raised as a candidate), under a prefix of
 * the test's own: `${prefix}-i-a` and `${prefix}-i-b`; no two pairs share a name.
 */
async function ingestPairs(prefix: string, count: number): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const surname = SURNAMES[pairsSoFar % SURNAMES.length]!;
    const given = GIVEN_NAMES[Math.floor(pairsSoFar / SURNAMES.length)]!;
    pairsSoFar++;
    const [a, b] = [`${prefix}-${i}-a`, `${prefix}-${i}-b`];
    const result = await ingestDocuments(graph.t.db, [
      {
        file: `${a}.json`,
        value: personDocument(`${prefix}-source-${i}`, [
          { id: a, name: `${given} ${surname}`, country: 'AZ' },
          { id: b, name: `${given} ${surname.replace(/o|i|e/, (v) => ({ o: 'a', i: 'y', e: 'a' })[v]!)}`, country: 'AZ' },
        ]),
      },
    ]);
    expect(result.ok && result.candidates.map((c) => c.key)).toEqual([[a, b].sort().join('|')]);
    pairs.push([a, b]);
  }
  return pairs;
}

/** The log of a pair as the graph holds it, in order. */
async function logOf(a: string, b: string) {
  return graph.t.db.read<{ a: string; b: string; verdict: string }>(
    `MATCH (j:Judgement) WHERE [j.a, j.b] IN [[$a, $b], [$b, $a]] RETURN j.a AS a, j.b AS b, j.verdict AS verdict ORDER BY j.at, j.id`,
    { a, b },
  );
}

const personIds = async () => new Set((await graph.t.db.read<{ id: string }>('MATCH (p:Person) RETURN p.id AS id')).map((r) => r.id));

describe('verdicts on a pair, one log', () => {
  it('keeps a SAME final: DIFFERENT or UNSURE after it are refused naming who merged them and when, SAME again answers it', async () => {
    const [[a, b]] = (await ingestPairs('final', 1)) as [[string, string]];
    const same = await judge(a, b, 'SAME', 'One official');
    expect(same.errors).toBeUndefined();
    expect(same.data.judgeMatch).toMatchObject({ a, b, verdict: 'SAME', by: 'api', note: 'One official', person: { id: a } });
    const { at } = same.data.judgeMatch;

    for (const [x, y, verdict] of [
      [a, b, 'DIFFERENT'],
      [b, a, 'UNSURE'],
    ] as const) {
      const refused = await judge(x, y, verdict);
      expect(refused.errors?.[0]).toMatchObject({
        message: `"${x}" and "${y}" are already merged by api on ${at} (SAME on "${a}" and "${b}"): both name "${a}"`,
        extensions: { code: 'CONFLICT', argument: 'b', person: a },
      });
    }
    const again = await judge(b, a, 'SAME', 'Said twice');
    expect(again.data.judgeMatch).toEqual({ a, b, verdict: 'SAME', by: 'api', at, note: 'One official', person: { id: a } });
    expect(await logOf(a, b)).toEqual([{ a, b, verdict: 'SAME' }]);

    const candidates = await run(`{ matchCandidates(status: SAME) { nodes { id status a { id } b { id } score reasons } } }`);
    expect(candidates.data.matchCandidates.nodes).toEqual([
      { id: [a, b].sort().join('|'), status: 'SAME', a: { id: a }, b: { id: a }, score: expect.any(Number), reasons: expect.any(Array) },
    ]);
  });

  it('reads a pair judged again as a change of mind: every verdict kept, the latest counts, SAME after DIFFERENT merges', async () => {
    const [[a, b]] = (await ingestPairs('mind', 1)) as [[string, string]];
    expect((await judge(a, b, 'UNSURE')).errors).toBeUndefined();
    expect((await judge(b, a, 'DIFFERENT', 'Two officials')).errors).toBeUndefined();
    // The same verdict again, by the same judge with the same note, is the verdict the pair has: nothing is added.
    expect((await judge(b, a, 'DIFFERENT', 'Two officials')).errors).toBeUndefined();
    const merge = await run(`mutation { mergePeople(keep: "${a}", merge: "${b}") { id } }`);
    expect(merge.errors?.[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`^"${a}" and "${b}" were judged DIFFERENT by api on .*; judge them SAME`)),
      extensions: { code: 'CONFLICT', argument: 'merge' },
    });
    expect((await run(`{ matchCandidates(status: DIFFERENT) { nodes { id } } }`)).data.matchCandidates.nodes).toContainEqual({
      id: [a, b].sort().join('|'),
    });
    const same = await judge(a, b, 'SAME', 'The same official after all');
    expect(same.data.judgeMatch).toMatchObject({ a, b, verdict: 'SAME', person: { id: a } });
    expect(await logOf(a, b)).toEqual([
      { a, b, verdict: 'UNSURE' },
      { a: b, b: a, verdict: 'DIFFERENT' },
      { a, b, verdict: 'SAME' },
    ]);
    expect((await personIds()).has(b)).toBe(false);
  });

  it('records the ids the people have now, and refuses to judge one person against itself through former ids', async () => {
    const [[a, b], [c, d]] = (await ingestPairs('self', 2)) as [[string, string], [string, string]];
    expect((await judge(a, b, 'SAME')).errors).toBeUndefined();
    expect((await run(`mutation { mergePeople(keep: "${c}", merge: "${d}") { id } }`)).errors).toBeUndefined();
    // b is a former id of a now: the verdict is recorded as one on a.
    const onFormer = await judge(b, c, 'UNSURE');
    expect(onFormer.data.judgeMatch).toMatchObject({ a, b: c, verdict: 'UNSURE', person: { id: a } });
    expect((await judge(b, a, 'DIFFERENT')).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', person: a });
    const merged = await judge(c, d, 'DIFFERENT');
    expect(merged.errors?.[0]).toMatchObject({
      message: `"${c}" and "${d}" are already one person, merged without a verdict: both name "${c}"`,
      extensions: { code: 'CONFLICT' },
    });
    expect((await judge(d, c, 'SAME')).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await judge(a, a, 'SAME')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
  });

  it('never leaves a pair merged but judged DIFFERENT when SAME, DIFFERENT and SAME reverse arrive at once', async () => {
    const pairs = await ingestPairs('race', 10);
    const answers = await Promise.all(pairs.flatMap(([a, b]) => [judge(a, b, 'SAME'), judge(b, a, 'DIFFERENT'), judge(b, a, 'SAME')]));
    for (const answer of answers) {
      expect(answer.errors === undefined || answer.errors[0]!.extensions!.code === 'CONFLICT', JSON.stringify(answer.errors)).toBe(true);
    }
    const people = await personIds();
    for (const [i, [a, b]] of pairs.entries()) {
      const log = await logOf(a, b);
      const kept = people.has(a) ? a : b;
      expect([people.has(a), people.has(b)].filter(Boolean), `pair ${i}: one person remains`).toHaveLength(1);
      expect(log.at(-1), `pair ${i}: the latest verdict is the SAME that merged them`).toEqual({
        a: kept,
        b: kept === a ? b : a,
        verdict: 'SAME',
      });
      expect(
        log.filter((j) => j.verdict === 'SAME'),
        `pair ${i}: one SAME`,
      ).toHaveLength(1);
      const different = answers[3 * i + 1]!;
      // The DIFFERENT was either refused, or recorded before the SAME that superseded it.
      expect(different.errors ? 'refused' : log[0]!.verdict, `pair ${i}`).toMatch(/^(refused|DIFFERENT)$/);
    }
  });

  it('holds a note to the file’s limits; an export with the longest note ingests into an empty graph as the same graph', async () => {
    const [[a, b], [c, d]] = (await ingestPairs('note', 2)) as [[string, string], [string, string]];
    const tooLong = await judge(a, b, 'UNSURE', 'x'.repeat(JUDGEMENT_LIMITS.note + 1));
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'note' });
    const forbidden = await judge(a, b, 'UNSURE', 'Seen \u0007 twice');
    expect(forbidden.errors?.[0]?.message).toBe('note holds U+0007 at character 6, which XML 1.0 forbids');
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'note' });
    expect(await logOf(a, b)).toEqual([]);
    expect((await judge(a, b, 'UNSURE', 'x'.repeat(JUDGEMENT_LIMITS.note))).errors).toBeUndefined();
    expect((await judge(c, d, 'DIFFERENT')).errors).toBeUndefined();
    expect((await judge(d, c, 'SAME')).errors).toBeUndefined();

    const before = await dumpGraph(graph.t.db);
    const { documents, judgements } = await exportDocuments(graph.t.db);
    expect(judgements.judgements.filter((j) => [c, d].includes(j.a))).toEqual([
      expect.objectContaining({ a: c, b: d, verdict: 'DIFFERENT' }),
      expect.objectContaining({ a: d, b: c, verdict: 'SAME', score: expect.any(Number), reasons: expect.any(Array) }),
    ]);
    await resetGraph(graph.t.db);
    const again = await ingestDocuments(graph.t.db, [
      ...documents.map((value, i) => ({ file: `documents/${i}.json`, value })),
      { file: 'judgements.json', value: judgements },
    ]);
    expect(again.ok ? 'ok' : again.problems).toBe('ok');
    expect(await dumpGraph(graph.t.db)).toEqual(before);
    const once = await ingestDocuments(graph.t.db, [{ file: 'judgements.json', value: judgements }]);
    expect(once.ok && once.noChanges).toBe(true);
  });
});

describe('judgements files', () => {
  it('refuse contradictory verdicts on a pair and a person judged against itself, listing every problem, and apply nothing', async () => {
    await resetGraph(graph.t.db);
    expect((await ingestFiles(graph.t.db, seedFiles())).ok).toBe(true);
    const [[a, b]] = (await ingestPairs('file', 1)) as [[string, string]];
    const before = await dumpGraph(graph.t.db);
    const verdict = (x: string, y: string, v: string, at: string) => ({ a: x, b: y, verdict: v, by: 'analyst', at });
    const result = await ingestDocuments(graph.t.db, [
      {
        file: 'judgements.json',
        value: {
          format: JUDGEMENTS_FORMAT,
          judgements: [
            verdict(a, b, 'SAME', '2021-07-01T10:00:00Z'),
            verdict(a, b, 'DIFFERENT', '2021-07-02T10:00:00Z'),
            verdict(a, a, 'DIFFERENT', '2021-07-03T10:00:00Z'),
          ],
        },
      },
    ]);
    expect(result.ok ? 'applied' : result.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'judgements.json /judgements/1/verdict',
      'judgements.json /judgements/2/b',
    ]);
    expect(await dumpGraph(graph.t.db)).toEqual(before);
  });

  it('read as they were written before the log: one verdict per pair, no score, keyed by the pair', async () => {
    const [[a, b]] = (await ingestPairs('older', 1)) as [[string, string]];
    const file = {
      format: JUDGEMENTS_FORMAT,
      judgements: [{ a, b, verdict: 'SAME', by: 'analyst', at: '2021-08-01T10:00:00.000Z', note: null }],
    };
    const first = await ingestDocuments(graph.t.db, [{ file: 'judgements.json', value: file }]);
    expect(first.ok && { judgements: first.judgements, noChanges: first.noChanges }).toEqual({ judgements: 1, noChanges: false });
    expect((await personIds()).has(b)).toBe(false);
    // A graph of that time kept the record under the pair's key: the next start keys it by the record.
    await graph.t.db.write(`MATCH (j:Judgement {a: $a, b: $b}) SET j.id = $pair`, { a, b, pair: [a, b].sort().join('|') });
    await applyConstraints(graph.t.db);
    const again = await ingestDocuments(graph.t.db, [{ file: 'judgements.json', value: file }]);
    expect(again.ok && again.noChanges).toBe(true);
    expect(await logOf(a, b)).toEqual([{ a, b, verdict: 'SAME' }]);
  });

  it('change nothing when empty: the batch says so', async () => {
    const result = await ingestDocuments(graph.t.db, [{ file: 'judgements.json', value: { format: JUDGEMENTS_FORMAT, judgements: [] } }]);
    expect(result.ok && { noChanges: result.noChanges, judgements: result.judgements }).toEqual({ noChanges: true, judgements: 0 });
  });
});
