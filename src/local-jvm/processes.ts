import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid of an instance's server if it runs, judged by its pid file and by the process's command line, which must
 * hold `marker` (an argument only that instance's server is started with).
 */
export function runningPid(pidFile: string, marker: string): number | undefined {
  const pid = readPid(pidFile);
  if (pid === undefined || !isAlive(pid)) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(marker)) return undefined;
  } catch {
    // No /proc (not Linux): the live pid from our own file is the best evidence there is.
  }
  return pid;
}

/** Whether a listener could bind `port` on `host`, or on every interface when no host is given. */
export function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    const free = () => server.close(() => resolve(true));
    if (host === undefined) server.listen(port, free);
    else server.listen(port, host, free);
  });
}

/** Stops a server with SIGTERM (a clean shutdown), SIGKILL after `timeoutMs`, and removes its pid file. */
export async function stopProcess(pid: number, pidFile: string, timeoutMs: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const begin = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - begin > timeoutMs) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(pidFile, { force: true });
}

/** The last `lines` lines of a file, or '' when there is none. */
export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Bytes a file or folder takes, counted file by file; 0 when it is absent. */
export function du(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + du(join(path, entry)), 0);
}
