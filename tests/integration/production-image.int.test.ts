import { type ChildProcess, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/project-root.js';
import { type ApiProcess, postGraphql, startApiProcess, stopApiProcess } from '../helpers/api-process.js';
import { personDocument, useEmptyGraph } from '../helpers/graph-fixtures.js';
import { testNlpServer } from '../helpers/nlp.js';

/**
 * The Docker image, built and started without Docker: the Dockerfile's instructions are read from the file and
 * carried out in a temporary directory (the build stage's COPY and RUN, then only what the production stage
 * copies from it), and the API it leaves is started as the image's CMD and asked what a user asks. A file the API
 * reads at run time that the image lacks, or a package it imports that the build prunes, fails here.
 */

useEmptyGraph();

const ROOT = projectRoot();
const API_KEY = 'production-image-test-key';

interface Stage {
  name: string | undefined;
  /** Instructions in order, continuation lines joined. */
  instructions: { keyword: string; args: string }[];
}

function dockerfileStages(): Stage[] {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)$/i.exec(args!)?.[1], instructions: [] });
    else stages.at(-1)!.instructions.push({ keyword: keyword!.toUpperCase(), args: args! });
  }
  return stages;
}

/** Whether .dockerignore keeps a path (relative to the context) out of the build context; plain paths and globs only. */
function dockerIgnored(): (path: string) => boolean {
  const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      if (line.startsWith('!')) throw new Error(`the test does not read exceptions in .dockerignore: ${line}`);
      const glob = line.replace(/^\/|\/$/g, '').replace(/[.+^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`^${glob.replaceAll('**', '\u0000').replaceAll('*', '[^/]*').replaceAll('\u0000', '.*')}(?:/|$)`);
    });
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/** The image's /app: a directory for each stage, WORKDIR /app standing for it. */
const inStage = (dir: string, path: string) => join(dir, path.replace(/^\/app\/?/, ''));

/** Carries out the build stage in `dir`, from the repository as the build context. */
function build(stage: Stage, dir: string): void {
  const ignored = dockerIgnored();
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') expect(args).toBe('/app');
    else if (keyword === 'COPY') {
      const parts = args.split(/\s+/);
      const destination = inStage(dir, parts.pop()!);
      for (const source of parts) {
        cpSync(join(ROOT, source), source === '.' ? destination : join(destination, source), {
          recursive: true,
          verbatimSymlinks: true,
          filter: (from) => relative(ROOT, from) === '' || !ignored(relative(ROOT, from)),
        });
      }
    } else if (keyword === 'RUN') {
      // As in the image, without the test runner's NODE_ENV; packages come from npm's cache where it has them.
      const { NODE_ENV: _, ...env } = process.env;
      execFileSync('sh', ['-c', args], {
        cwd: dir,
        env: { ...env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
        stdio: 'pipe',
      });
    } else throw new Error(`the test does not follow the build stage's ${keyword}`);
  }
}

/** Carries out the production stage in `dir`: only what it copies from the build stage. Answers its ENV and CMD. */
function production(stage: Stage, built: string, dir: string): { env: Record<string, string>; cmd: string[] } {
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') expect(args).toBe('/app');
    else if (keyword === 'ENV') {
      const [, name, value] = /^(\w+)=(.*)$/.exec(args)!;
      env[name!] = value!;
    } else if (keyword === 'COPY') {
      const [, stageName, source, destination] = /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(args)!;
      expect(stageName).toBe('build');
      // A file copied to a path ending in "/" goes into that directory; a directory's contents go to the path.
      const from = inStage(built, source!);
      const into = destination!.endsWith('/') && !statSync(from).isDirectory() ? join(destination!, basename(source!)) : destination!;
      cpSync(from, inStage(dir, into), { recursive: true, verbatimSymlinks: true });
    } else if (keyword === 'CMD') cmd = JSON.parse(args) as string[];
    else if (keyword !== 'USER' && keyword !== 'EXPOSE') throw new Error(`the test does not follow the production stage's ${keyword}`);
  }
  return { env, cmd };
}

/** Runs the image's CMD in `dir` with its ENV, against the tests' Neo4j, on a free port: nothing else of this process's environment. */
function startImage(dir: string, image: { env: Record<string, string>; cmd: string[] }, nlpUrl: string): Promise<ApiProcess> {
  const neo4j = inject('neo4j');
  const [program, ...args] = image.cmd;
  expect(program).toBe('node');
  return startApiProcess(args, {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      ...image.env,
      HOST: '127.0.0.1',
      PORT: '0',
      API_KEY,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      // The tests' NLP server, as a deployment names its CoreNLP service (docker-compose.yml).
      CORENLP_URL: nlpUrl,
    },
    startMs: 60_000,
  });
}

const graphql = async (url: string, query: string, variables: Record<string, unknown> = {}) =>
  (await postGraphql(url, query, variables, { authorization: `Bearer ${API_KEY}` })).body;

describe('the production image, built from the Dockerfile without Docker', () => {
  const work = mkdtempSync(join(tmpdir(), 'officials-image-'));
  let api: ChildProcess | undefined;
  afterAll(async () => {
    if (api) await stopApiProcess(api);
    rmSync(work, { recursive: true, force: true });
  });

  it('starts, is ready, and answers a query, an ingest and a draft', { timeout: 600_000 }, async () => {
    const stages = dockerfileStages();
    const buildStage = stages.find((s) => s.name === 'build')!;
    const [built, image] = [join(work, 'build'), join(work, 'image')];
    mkdirSync(built);
    mkdirSync(image);
    build(buildStage, built);
    const started = await startImage(image, production(stages.at(-1)!, built, image), await testNlpServer().url());
    api = started.child;
    const base = started.url.replace(/\/graphql$/, '');

    const ready = await fetch(`${base}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);

    const person = await graphql(started.url, '{ person(id: "person-zakir-hasanov") { name } }');
    expect(person).toEqual({ data: { person: { name: 'Zakir Hasanov' } } });

    const document = personDocument('image-wire-2021', [{ id: 'image-person', name: 'Imagen Testova', country: 'AZ' }]);
    const ingested = await graphql(started.url, 'mutation($d: [JSON!]!) { ingestDocuments(documents: $d) { documents } }', {
      d: [document],
    });
    expect(ingested).toEqual({ data: { ingestDocuments: { documents: 1 } } });

    const drafted = await graphql(
      started.url,
      'mutation($text: String!) { draftDocument(text: $text, published: "2021-05-14", publisher: "Wire") { document problems { path } } }',
      { text: 'Defence news\n\nDefence Minister Zakir Hasanov received Turkish Ambassador Cahit Bagci on Monday.' },
    );
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data.draftDocument.problems).toEqual([]);
    expect(drafted.data.draftDocument.document.meetings[0].participants.map((p: { person: string }) => p.person)).toEqual([
      'person-zakir-hasanov',
      'person-cahit-bagci',
    ]);
  });
});
