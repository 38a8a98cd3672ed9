import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { du, runningPid, tail } from './processes.js';

const dir = mkdtempSync(join(tmpdir(), 'local-jvm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the files of a local server', () => {
  it('tells the last lines of a console log, and nothing of a log not written yet', () => {
    const log = join(dir, 'console.log');
    writeFileSync(log, 'one\ntwo\nthree\nfour\n\n');
    expect(tail(log, 2)).toBe('three\nfour');
    expect(tail(log, 10)).toBe('one\ntwo\nthree\nfour');
    expect(tail(join(dir, 'absent.log'), 2)).toBe('');
  });

  it('counts the bytes of a folder file by file, and 0 for one that is absent', () => {
    const jars = join(dir, 'dist', 'lib');
    mkdirSync(join(jars, 'nested'), { recursive: true });
    writeFileSync(join(jars, 'a.jar'), 'x'.repeat(100));
    writeFileSync(join(jars, 'nested', 'b.jar'), 'y'.repeat(23));
    expect(du(join(dir, 'dist'))).toBe(123);
    expect(du(join(jars, 'a.jar'))).toBe(100);
    expect(du(join(dir, 'absent'))).toBe(0);
  });

  it('finds no server without a pid file or with one that names no process', () => {
    const pidFile = join(dir, 'server.pid');
    expect(runningPid(pidFile, '--home-dir=')).toBeUndefined();
    writeFileSync(pidFile, 'not a pid\n');
    expect(runningPid(pidFile, '--home-dir=')).toBeUndefined();
    writeFileSync(pidFile, '0\n');
    expect(runningPid(pidFile, '--home-dir=')).toBeUndefined();
  });
});
