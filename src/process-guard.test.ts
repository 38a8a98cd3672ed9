import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from './project-root.js';

/** Runs `body` in a Node process of its own with the guard installed, logging JSON lines to stderr. */
function runGuarded(
  body: string,
): Promise<{ code: number | null; stdout: string; log: { level: string; message: string; error: string }[] }> {
  const script = join(mkdtempSync(join(tmpdir(), 'process-guard-')), 'guarded.ts');
  writeFileSync(
    script,
    [
      `import { createJsonLogger } from ${JSON.stringify(projectPath('src', 'logger.ts'))};`,
      `import { guardProcess } from ${JSON.stringify(projectPath('src', 'process-guard.ts'))};`,
      `guardProcess(createJsonLogger(), () => { process.stdout.write('stopping\\n'); process.exit(3); });`,
      body,
    ].join('\n'),
  );
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script], { cwd: projectPath() }, (error, stdout, stderr) => {
      const log = stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      resolve({ code: error ? (error.code as number) : 0, stdout, log });
    });
  });
}

describe('guardProcess', () => {
  it('logs an unhandled rejection and keeps the process running', async () => {
    const run = await runGuarded(
      `Promise.reject(new Error('nobody awaited this'));\nsetTimeout(() => process.stdout.write('still serving\\n'), 50);`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('still serving\n');
    expect(run.log).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'unhandled promise rejection; the process goes on',
        error: expect.stringContaining('nobody awaited this'),
      }),
    ]);
  });

  it('logs an uncaught exception, then hands over to stop the process', async () => {
    const run = await runGuarded(`setTimeout(() => { throw new Error('broken state'); }, 10);`);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('stopping\n');
    expect(run.log).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'uncaught exception; the process stops',
        error: expect.stringContaining('broken state'),
      }),
    ]);
  });
});
