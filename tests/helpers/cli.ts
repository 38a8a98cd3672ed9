import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { NLP_INSTANCE_PORTS } from '../../src/local-nlp/layout.js';
import { projectRoot } from '../../src/project-root.js';

/** The CLI as a user runs it, against the tests' Neo4j, with `input` typed on standard input. */
export function runCli(args: string[], input = ''): Promise<{ code: number | null; output: string }> {
  const neo4j = inject('neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      // The tests' NLP server, which a test that drafts through the CLI starts first (tests/helpers/nlp.ts).
      CORENLP_URL: process.env.CORENLP_URL ?? `http://127.0.0.1:${NLP_INSTANCE_PORTS.test}`,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}
