import { type ChildProcess, spawn } from 'node:child_process';

export interface ApiProcess {
  child: ChildProcess;
  /** Where the API says it serves GraphQL. */
  url: string;
  /** Everything it printed so far, standard output and error together. */
  output: () => string;
}

/**
 * Starts the API as a process (`node ARGS`), answering once it prints where it serves GraphQL; fails with what it
 * printed when it exits first, or prints nothing of the kind within `startMs` (then it is killed).
 */
export function startApiProcess(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; startMs?: number }): Promise<ApiProcess> {
  const startMs = options.startMs ?? 40_000;
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start within ${startMs / 1000} s:\n${output}`));
    }, startMs);
    child.stdout!.on('data', () => {
      const match = /GraphQL API:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/** Signals the process and answers its exit code, or the signal it ended by; at once when it has ended already. */
export function stopApiProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => {
    child.once('exit', (code, received) => resolve(code ?? received));
    child.kill(signal);
  });
}

/** One GraphQL request over HTTP, as a client sends it. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}
