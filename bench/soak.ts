import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type RunningApp, startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureRunning, stop } from '../src/local-neo4j/local-neo4j.js';
import type { Logger } from '../src/logger.js';
import { projectPath } from '../src/project-root.js';
import { type BenchDb, ensureWorld, openBenchDb } from './bench-db.js';
import { buildQuestions, type Question } from './questions.js';
import { WORLD_SIZES, type WorldSize } from './world.js';

/**
 * Soak: a steady mixed load on the API over the bench instance holding a synthetic world (reads of the six bench
 * questions, ingests of small reports, merges, judgements), with Neo4j stopped and started again during it. At the
 * end Cypher checks that nothing acknowledged was lost or written twice, no person lost its name and every fact has
 * a source; the report gives requests, errors by code, p50/p99 per phase and how soon p99 came back after each
 * restart. Writes are retried until acknowledged, as a client would, so the final graph is known exactly.
 * The load goes on at least RECOVERY_WINDOW_MS after the last restart, however long Neo4j took to come back.
 * Exits non-zero when an integrity check fails, an internal error was answered, or the API answered nothing after a
 * restart. How soon p99 came back is a speed figure: printed against its target, never a reason to fail.
 */

const say = (line: string) => process.stderr.write(`${line}\n`);
const API_KEY = 'soak-key-0123456789abcdef';
/** p99 should be back within this long after the database answers again. */
const RECOVERY_TARGET_MS = 10_000;
/** How long the load goes on after the last restart: long enough to see the target met or missed. */
const RECOVERY_WINDOW_MS = RECOVERY_TARGET_MS + 10_000;

interface Outcome {
  /** ms since the soak began, when the request was sent. */
  at: number;
  ms: number;
  kind: 'read' | 'ingest' | 'merge' | 'judge';
  code: string;
}

/** The one part of an answer the soak reads: the people an ingest linked instead of creating. */
interface Answer {
  ingestDocuments?: { linkedPeople?: unknown[] };
}

interface Restart {
  began: number;
  /** Neo4j answers the Bolt handshake again; its database may still be starting. */
  bolt: number;
  /** The database answers a query again: the API cannot answer before this, so recovery is timed from here. */
  up: number;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * A name no other soak person or world official has: the number's digits as syllables, so no two numbers give names
 * whose keys fold together (name keys fold doubled letters and kh, which consonant-vowel syllables never make).
 */
const SYLLABLES = ['ba', 'de', 'fi', 'go', 'ku', 'la', 'me', 'ni', 'po', 'ru'];
function nameOf(k: number, side: string): string {
  const word = [...String(k)].map((digit) => SYLLABLES[Number(digit)]).join('');
  return `Soak${word} ${side === 'a' ? 'Veyselov' : 'Tarmuzov'}`;
}

function soakReport(k: number) {
  const ev = [{ paragraph: 1, note: 'named in the soak report' }];
  return {
    format: 'officials-graph/source-document@1',
    sources: [
      {
        id: `soak-source-${k}`,
        kind: 'NEWS_REPORT',
        publisher: 'Soak Wire',
        title: `Soak report ${k}`,
        published: '2024-01-15',
        language: 'en',
        paragraphs: 2,
      },
    ],
    people: ['a', 'b'].map((side) => ({ id: `soak-person-${k}-${side}`, name: nameOf(k, side), evidence: ev })),
    meetings: [
      {
        id: `soak-meeting-${k}`,
        date: '2024-01',
        format: 'BILATERAL',
        topics: ['SECURITY'],
        summary: `Soak talks number ${k}.`,
        participants: [
          { person: `soak-person-${k}-a`, role: 'HOST' },
          { person: `soak-person-${k}-b`, role: 'ATTENDEE' },
        ],
        evidence: [{ paragraph: 2, note: 'the talks' }],
      },
    ],
  };
}

/** The soak's options, read once: the phases below take them rather than the raw strings. */
interface SoakOptions {
  size: WorldSize;
  minutes: number;
  durationMs: number;
  restartCount: number;
  readers: number;
  keep: boolean;
}

function parseSoakOptions(): SoakOptions {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      size: { type: 'string', default: '10k' },
      restarts: { type: 'string', default: '2' },
      readers: { type: 'string', default: '4' },
      keep: { type: 'boolean', default: false },
    },
  });
  const size = values.size as WorldSize;
  if (!(size in WORLD_SIZES)) throw new Error(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  return {
    size,
    minutes: Number(values.minutes),
    durationMs: Number(values.minutes) * 60_000,
    restartCount: Number(values.restarts),
    readers: Number(values.readers),
    keep: values.keep,
  };
}

interface GraphCounts {
  people: number;
  meetings: number;
  sources: number;
  judgements: number;
  attended: number;
}

async function countGraph(bench: BenchDb): Promise<GraphCounts> {
  const [row] = await bench.db.read<GraphCounts>(
    `CALL () { MATCH (p:Person) RETURN count(p) AS people }
     CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
     CALL () { MATCH (s:Source) RETURN count(s) AS sources }
     CALL () { MATCH (j:Judgement) RETURN count(j) AS judgements }
     CALL () { MATCH (:Person)-[a:ATTENDED]->(:Meeting) RETURN count(a) AS attended }
     RETURN people, meetings, sources, judgements, attended`,
  );
  return row!;
}

interface SoakWorld {
  bench: BenchDb;
  questions: Question[];
  app: RunningApp;
  /** Errors the API logged: an internal error answered as something else still fails the soak. */
  internalErrors: () => number;
}

async function startWorldAndApi(options: SoakOptions): Promise<SoakWorld> {
  const bench = await openBenchDb(say);
  await ensureWorld(bench, options.size, say);
  const questions = await buildQuestions(bench.db, options.size);
  const server = await ensureRunning('bench');
  let internalErrors = 0;
  const logger: Logger = {
    log: (level) => {
      if (level === 'error') internalErrors += 1;
    },
  };
  const config = loadConfig({
    env: { NEO4J_URI: server.uri, NEO4J_USERNAME: server.username, NEO4J_PASSWORD: server.password, PORT: '0', API_KEY },
  });
  const app = await startApp(config, { logger, say: () => {} });
  return { bench, questions, app, internalErrors: () => internalErrors };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The soak's clock and the client every loop sends through: every request lands in `outcomes`, timed from the start,
 * so the phases and recoveries are computed afterwards from one list.
 */
interface SoakClient {
  now: () => number;
  outcomes: Outcome[];
  running: () => boolean;
  post: (kind: Outcome['kind'], query: string, variables: Record<string, unknown>) => Promise<{ ok: boolean; data?: Answer }>;
  /** A write is retried until acknowledged: merges, judgements and ingests are idempotent, so a retry changes nothing twice. */
  until: (kind: Outcome['kind'], query: string, variables: Record<string, unknown>) => Promise<Answer | undefined>;
  /** When the load stops: pushed back by each restart, and held open while one is under way. */
  span: { endAt: number; restarting: boolean };
}

function soakClient(url: string, durationMs: number): SoakClient {
  const began = performance.now();
  const now = () => performance.now() - began;
  const outcomes: Outcome[] = [];
  const span = { endAt: durationMs, restarting: false };
  const post: SoakClient['post'] = async (kind, query, variables) => {
    const at = now();
    let code = 'OK';
    let data: Answer | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { data?: Answer; errors?: { extensions?: { code?: string } }[] };
      if (body.errors?.length) code = body.errors[0]!.extensions?.code ?? 'UNKNOWN';
      data = body.data;
    } catch (error) {
      code = (error as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'CONNECTION_ERROR';
    }
    outcomes.push({ at, ms: now() - at, kind, code });
    return { ok: code === 'OK', data };
  };
  const until: SoakClient['until'] = async (kind, query, variables) => {
    for (;;) {
      const answer = await post(kind, query, variables);
      if (answer.ok) return answer.data;
      await pause(500);
    }
  };
  return { now, outcomes, running: () => span.restarting || now() < span.endAt, post, until, span };
}

/** The readers take turns over the questions, so every question is asked about as often. */
function readLoops(client: SoakClient, questions: Question[], readers: number): Promise<void>[] {
  return Array.from({ length: readers }, async (_, r) => {
    for (let i = r; client.running(); i += readers) {
      const question = questions[i % questions.length]!;
      await client.post('read', question.ours, question.variables(i));
    }
  });
}

/** What the writer had acknowledged: the integrity checks expect exactly this much more in the graph. */
interface Writes {
  ingested: number;
  merged: number;
  /** People of soak reports the ingest linked to someone already in the graph instead of creating: none expected. */
  linked: number;
  judged: Set<string>;
}

async function writeLoop(client: SoakClient): Promise<Writes> {
  const writes: Writes = { ingested: 0, merged: 0, linked: 0, judged: new Set<string>() };
  for (let k = 0; client.running(); k++) {
    const answer = await client.until(
      'ingest',
      'mutation ($d: [JSON!]!) { ingestDocuments(documents: $d) { linkedPeople { personId } } }',
      { d: [soakReport(k)] },
    );
    writes.linked += (answer?.ingestDocuments?.linkedPeople ?? []).length;
    writes.ingested += 1;
    if (k >= 3 && k % 3 === 0) {
      await client.until('merge', 'mutation ($keep: ID!, $merge: ID!) { mergePeople(keep: $keep, merge: $merge) { id } }', {
        keep: `soak-person-${k - 3}-a`,
        merge: `soak-person-${k}-b`,
      });
      writes.merged += 1;
    }
    if (k >= 1) {
      const pair = { a: `soak-person-${k - 1}-a`, b: `soak-person-${k}-a` };
      await client.until('judge', 'mutation ($a: ID!, $b: ID!) { judgeMatch(a: $a, b: $b, verdict: DIFFERENT) { verdict } }', pair);
      writes.judged.add(`${pair.a}|${pair.b}`);
    }
    await pause(250);
  }
  return writes;
}

async function databaseAnswers(bench: BenchDb): Promise<void> {
  for (;;) {
    try {
      await bench.db.read('RETURN 1 AS one');
      return;
    } catch {
      await pause(100);
    }
  }
}

/** The restarts, spread evenly over the run; each one keeps the load going RECOVERY_WINDOW_MS after it. */
async function restartLoop(client: SoakClient, bench: BenchDb, options: SoakOptions): Promise<Restart[]> {
  const restarts: Restart[] = [];
  for (let i = 1; i <= options.restartCount; i++) {
    const at = (options.durationMs * i) / (options.restartCount + 1);
    while (client.now() < at) await pause(100);
    client.span.restarting = true;
    const restart = { began: client.now(), bolt: 0, up: 0 };
    say(`  ${Math.round(restart.began / 1000)} s: stopping Neo4j`);
    await stop('bench');
    await ensureRunning('bench');
    restart.bolt = client.now();
    await databaseAnswers(bench);
    restart.up = client.now();
    restarts.push(restart);
    client.span.endAt = Math.max(client.span.endAt, restart.up + RECOVERY_WINDOW_MS);
    client.span.restarting = false;
    say(`  ${Math.round(restart.up / 1000)} s: Neo4j answers again (Bolt at ${Math.round(restart.bolt / 1000)} s)`);
  }
  return restarts;
}

/** A line every 30 s, so a long soak shows it is alive and how the last 10 s went. */
function reportProgress(client: SoakClient): NodeJS.Timeout {
  return setInterval(() => {
    const recent = client.outcomes.filter((o) => o.at > client.now() - 10_000);
    say(
      `  ${Math.round(client.now() / 1000)} s: ${client.outcomes.length} requests, last 10 s p99 ${Math.round(
        percentile(
          recent.map((o) => o.ms),
          99,
        ),
      )} ms, ${recent.filter((o) => o.code !== 'OK').length} errors`,
    );
  }, 30_000);
}

interface IntegrityChecks {
  nameless: number;
  unsourcedNodes: number;
  unsourcedRelationships: number;
  sharedIds: number;
}

interface Integrity {
  checks: IntegrityChecks;
  /** Acknowledged soak reports whose meeting lacks its two attendees. */
  missing: number;
  final: GraphCounts;
  expected: GraphCounts;
}

/** Integrity, read with Cypher after the load stopped. */
async function checkIntegrity(bench: BenchDb, initial: GraphCounts, writes: Writes): Promise<Integrity> {
  const final = await countGraph(bench);
  const [checks] = await bench.db.read<IntegrityChecks>(
    `CALL () { MATCH (p:Person) WHERE p.name IS NULL RETURN count(p) AS nameless }
     CALL () { MATCH (n:Entity) WHERE NOT n:Source AND NOT (n)-[:SUPPORTED_BY]->(:Source) RETURN count(n) AS unsourcedNodes }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'SUPPORTED_BY' AND size(coalesce(r.sourceIds, [])) = 0
       RETURN count(r) AS unsourcedRelationships
     }
     CALL () { MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS sharedIds }
     RETURN nameless, unsourcedNodes, unsourcedRelationships, sharedIds`,
  );
  const expected = {
    people: initial.people + 2 * writes.ingested - writes.linked - writes.merged,
    meetings: initial.meetings + writes.ingested,
    sources: initial.sources + writes.ingested,
    judgements: initial.judgements + writes.judged.size,
    attended: initial.attended + 2 * writes.ingested,
  };
  const [soakMeetings] = await bench.db.read<{ missing: number }>(
    `UNWIND range(0, $n - 1) AS k
     OPTIONAL MATCH (m:Meeting {id: 'soak-meeting-' + k})<-[:ATTENDED]-(p:Person)
     WITH k, count(p) AS attendees WHERE attendees <> 2 RETURN count(k) AS missing`,
    { n: writes.ingested },
  );
  return { checks: checks!, missing: soakMeetings!.missing, final, expected };
}

interface PhaseRow {
  name: string;
  from: number;
  to: number;
  requests: number;
  errors: Record<string, number>;
  p50: number;
  p99: number;
}

/** Latency per phase: before the first restart, each restart (stop to 10 s after the database answers), between, after. */
function latencyByPhase(outcomes: Outcome[], restarts: Restart[], totalMs: number): PhaseRow[] {
  const phases: { name: string; from: number; to: number }[] = [];
  let from = 0;
  restarts.forEach((r, i) => {
    phases.push({ name: i === 0 ? 'before restart 1' : `after restart ${i}`, from, to: r.began });
    phases.push({ name: `restart ${i + 1}: down, and 10 s after it answers`, from: r.began, to: r.up + 10_000 });
    from = r.up + 10_000;
  });
  phases.push({ name: restarts.length ? `after restart ${restarts.length}` : 'whole run', from, to: totalMs });
  return phases.map((phase) => {
    const inPhase = outcomes.filter((o) => o.at >= phase.from && o.at < phase.to);
    const ok = inPhase.filter((o) => o.code === 'OK').map((o) => o.ms);
    const errors: Record<string, number> = {};
    for (const o of inPhase) if (o.code !== 'OK') errors[o.code] = (errors[o.code] ?? 0) + 1;
    return {
      ...phase,
      requests: inPhase.length,
      errors,
      p50: Math.round(percentile(ok, 50)),
      p99: Math.round(percentile(ok, 99)),
    };
  });
}

/**
 * How each restart ended for a client: when the API answered again, and when p99 came back. A restart's window ends
 * at the next restart, so one restart's slow answers are never counted against another's.
 */
function recoveryAfterRestarts(outcomes: Outcome[], restarts: Restart[], totalMs: number, baselineP99: number) {
  const untilNext = (i: number) => restarts[i + 1]?.began ?? totalMs;
  // The API answers again: the first request sent once the database answers that succeeds, timed to its answer.
  const firstAnswers = restarts.map((r, i) => {
    const answered = outcomes.filter((o) => o.code === 'OK' && o.at >= r.up && o.at < untilNext(i)).map((o) => o.at + o.ms - r.up);
    return answered.length ? Math.min(...answered) : undefined;
  });
  // p99 back: the first second after the database answers from which every request succeeds and p99 is near the
  // baseline. Undefined when the next restart came first: then there was nothing to measure.
  const recoveries = restarts.map((r, i) => {
    const until = untilNext(i);
    for (let second = r.up; second < until; second += 1_000) {
      const later = outcomes.filter((o) => o.at >= second && o.at < until);
      const bucket = later.filter((o) => o.at < second + 1_000);
      if (bucket.length === 0) continue;
      const allOk = later.filter((o) => o.at < second + 5_000).every((o) => o.code === 'OK');
      if (
        allOk &&
        percentile(
          bucket.map((o) => o.ms),
          99,
        ) <= Math.max(2 * baselineP99, baselineP99 + 50)
      )
        return second - r.up;
    }
    return until - r.up > RECOVERY_TARGET_MS ? Number.POSITIVE_INFINITY : undefined;
  });
  return { firstAnswers, recoveries };
}

/** Every reason the soak fails; an empty list is a pass. Recovery times are figures, never reasons. */
function soakFailures(
  integrity: Integrity,
  byCode: Record<string, number>,
  internalErrors: number,
  firstAnswers: (number | undefined)[],
): string[] {
  const { checks, missing, final, expected } = integrity;
  return [
    ...(checks.nameless ? [`${checks.nameless} people without a name`] : []),
    ...(checks.unsourcedNodes ? [`${checks.unsourcedNodes} nodes without a source`] : []),
    ...(checks.unsourcedRelationships ? [`${checks.unsourcedRelationships} relationships without a source`] : []),
    ...(checks.sharedIds ? [`${checks.sharedIds} ids shared by several nodes`] : []),
    ...(missing ? [`${missing} acknowledged reports without their meeting and two attendees`] : []),
    ...Object.entries(expected)
      .filter(([key, value]) => final[key as keyof typeof final] !== value)
      .map(([key, value]) => `${key}: ${final[key as keyof typeof final]} in the graph, ${value} expected`),
    ...(byCode.INTERNAL_SERVER_ERROR || internalErrors ? [`${byCode.INTERNAL_SERVER_ERROR ?? 0} internal errors answered`] : []),
    ...firstAnswers.flatMap((ms, i) => (ms === undefined ? [`the API answered nothing after restart ${i + 1}`] : [])),
  ];
}

interface Run {
  options: SoakOptions;
  outcomes: Outcome[];
  writes: Writes;
  restarts: Restart[];
  totalMs: number;
  integrity: Integrity;
  internalErrors: number;
}

/** The soak's result as written to soak-SIZE.json: the figures the table is drawn from. */
function soakResult(run: Run) {
  const { options, outcomes, writes, restarts, integrity } = run;
  const phaseRows = latencyByPhase(outcomes, restarts, run.totalMs);
  const { firstAnswers, recoveries } = recoveryAfterRestarts(outcomes, restarts, run.totalMs, phaseRows[0]!.p99);
  const byCode: Record<string, number> = {};
  for (const o of outcomes) byCode[o.code] = (byCode[o.code] ?? 0) + 1;
  return {
    size: options.size,
    minutes: options.minutes,
    readers: options.readers,
    requests: outcomes.length,
    byCode,
    writes: { ingested: writes.ingested, merged: writes.merged, judged: writes.judged.size, linked: writes.linked },
    restarts: restarts.map((r, i) => ({
      stoppedAtS: Math.round(r.began / 1000),
      boltMs: Math.round(r.bolt - r.began),
      downMs: Math.round(r.up - r.began),
      firstAnswerMs: firstAnswers[i] === undefined ? null : Math.round(firstAnswers[i]!),
      recoveryMs: recoveries[i] === undefined || !Number.isFinite(recoveries[i]!) ? null : Math.round(recoveries[i]!),
      recovered: recoveries[i] === undefined ? 'not measured: the next restart came first' : Number.isFinite(recoveries[i]!),
    })),
    phases: phaseRows.map(({ name, requests, errors, p50, p99 }) => ({ name, requests, errors, p50, p99 })),
    integrity: { ...integrity.checks, missingSoakMeetings: integrity.missing, final: integrity.final, expected: integrity.expected },
    failures: soakFailures(integrity, byCode, run.internalErrors, firstAnswers),
  };
}

type SoakResult = ReturnType<typeof soakResult>;

function restartLine(r: SoakResult['restarts'][number], i: number): string {
  return (
    `Restart ${i + 1} at ${r.stoppedAtS} s: Bolt back after ${(r.boltMs / 1000).toFixed(1)} s, ` +
    `the database after ${(r.downMs / 1000).toFixed(1)} s; the API's first answer ` +
    `${r.firstAnswerMs === null ? 'never came' : `${(r.firstAnswerMs / 1000).toFixed(1)} s later`}; p99 back ${
      r.recoveryMs !== null
        ? `${(r.recoveryMs / 1000).toFixed(1)} s after the database answered`
        : r.recovered === false
          ? 'not within the run'
          : 'not measured (the next restart came within 10 s)'
    } (target ≤ ${RECOVERY_TARGET_MS / 1000} s${r.recovered === false || (r.recoveryMs ?? 0) > RECOVERY_TARGET_MS ? ': missed' : ''}).`
  );
}

/** The Markdown report: the run in one line, latency per phase, each restart, then integrity and the verdict. */
function soakTable(result: SoakResult): string {
  const { size, readers, writes, integrity: i, failures } = result;
  const { final, expected } = i;
  const row = (...cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    `Soak of ${result.minutes} min on the ${size} world: ${result.requests} requests (${readers} readers, 1 writer); ` +
      `${writes.ingested} reports ingested, ${writes.merged} merges, ${writes.judged} judgements; ` +
      `Neo4j restarted ${result.restarts.length} times.`,
    '',
    row('phase', 'requests', 'p50 ms', 'p99 ms', 'errors by code'),
    '| --- | ---: | ---: | ---: | --- |',
    ...result.phases.map((p) =>
      row(
        p.name,
        p.requests,
        p.p50,
        p.p99,
        Object.entries(p.errors)
          .map(([code, n]) => `${code} ${n}`)
          .join(', ') || 'none',
      ),
    ),
    '',
    ...result.restarts.map(restartLine),
    '',
    `Integrity: ${i.nameless} people without a name, ${i.unsourcedNodes} nodes and ${i.unsourcedRelationships} ` +
      `relationships without a source, ${i.sharedIds} shared ids, ${i.missingSoakMeetings} acknowledged reports missing; ` +
      `people ${final.people}/${expected.people}, meetings ${final.meetings}/${expected.meetings}, ` +
      `sources ${final.sources}/${expected.sources}, ` +
      `judgements ${final.judgements}/${expected.judgements}, attendances ${final.attended}/${expected.attended} (graph/expected).`,
    failures.length ? `FAILED: ${failures.join('; ')}` : 'All checks passed.',
  ].join('\n');
}

function writeSoakReport(result: SoakResult): void {
  const table = soakTable(result);
  const dir = projectPath('bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/soak-${result.size}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${dir}/soak-${result.size}.md`, `${table}\n`);
  process.stdout.write(`${table}\n`);
}

async function main(): Promise<void> {
  const options = parseSoakOptions();
  const { bench, questions, app, internalErrors } = await startWorldAndApi(options);
  const initial = await countGraph(bench);
  say(
    `soak: ${options.minutes} min on the ${options.size} world, ${options.readers} readers, 1 writer, ` +
      `${options.restartCount} restarts of Neo4j`,
  );

  const client = soakClient(app.url, options.durationMs);
  const readers = readLoops(client, questions, options.readers);
  const writer = writeLoop(client);
  const restarter = restartLoop(client, bench, options);
  const progress = reportProgress(client);
  const [writes, restarts] = await Promise.all([writer, restarter, ...readers]);
  clearInterval(progress);
  const totalMs = client.now();

  const integrity = await checkIntegrity(bench, initial, writes);
  const result = soakResult({ options, outcomes: client.outcomes, writes, restarts, totalMs, integrity, internalErrors: internalErrors() });
  writeSoakReport(result);

  await app.stop();
  await bench.close(options.keep);
  if (result.failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
