import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../project-root.js';
import { type CommandArgs, defineCommand } from './command.js';
import { COMMANDS } from './commands/index.js';
import { runCommandLine } from './dispatch.js';

/** The command line run against `commands`, with what the dispatcher printed on each stream. */
async function run(argv: string[], commands = COMMANDS) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommandLine(argv, commands, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('the command table', () => {
  it('names each command once', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'ingest',
      'import',
      'check-copy',
      'export',
      'resolve',
      'draft',
      'eval-draft',
      'seed',
      'fingerprint',
      'neo4j',
      'nlp',
    ]);
  });
});

describe('npm run cli -- --help', () => {
  it('lists every command with its summary, on stdout, and exits 0', async () => {
    const listed = await run(['--help']);
    expect(listed.code).toBe(0);
    expect(listed.err).toBe('');
    for (const command of COMMANDS) {
      expect(listed.out).toMatch(new RegExp(`^  ${command.name} +\\S`, 'm'));
      expect(oneLine(listed.out)).toContain(command.summary);
    }
    expect(await run(['-h'])).toEqual(listed);
  });

  it('lists them too when no command is named, and exits 2', async () => {
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe((await run(['--help'])).out);
  });
});

describe('npm run cli -- <command> --help', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: prints its usage, naming each of its options, and exits 0',
    async (name, command) => {
      const help = await run([name, '--help']);
      expect(help).toEqual({ code: 0, out: command.usage, err: '' });
      expect(help.out).toMatch(/^Usage: npm run /);
      for (const option of Object.keys(command.options)) expect(help.out).toContain(`--${option}`);
      expect(await run([name, '-h'])).toEqual(help);
    },
  );
});

describe('a call the CLI cannot run', () => {
  it('names an unknown command, prints the list of commands on stderr, and exits 2', async () => {
    const unknown = await run(['ingset', 'seed/documents']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain('unknown command "ingset"');
    expect(unknown.err).toContain((await run(['--help'])).out);
  });

  it("names an option the command does not take, prints the command's usage, and exits 2", async () => {
    const ingest = COMMANDS.find((c) => c.name === 'ingest')!;
    const unknown = await run(['ingest', '--out', 'x', 'seed/documents']);
    expect(unknown).toEqual({ code: 2, out: '', err: `ingest: Unknown option '--out'\n\n${ingest.usage}` });
    const noCommand = await run(['--dry-run']);
    expect(noCommand.code).toBe(2);
    expect(noCommand.err).toMatch(/^Unknown option '--dry-run'\nUsage: npm run cli -- <command>/);
  });

  it('names an option that lacks its value and exits 2', async () => {
    const missing = await run(['export', '--out']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^export: Option '--out <value>' argument missing\n\nUsage: npm run export -- --out PATH/);
  });
});

describe('running a command', () => {
  it('passes it the arguments around its name, parsed by its options, and answers its exit code', async () => {
    const seen: CommandArgs[] = [];
    const echo = defineCommand({
      name: 'echo',
      summary: 'answer what it was given',
      usage: 'Usage: npm run cli -- echo [--out FILE] [--loud] WORD...',
      options: { out: { type: 'string' }, loud: { type: 'boolean', default: false } },
      async run(args) {
        seen.push(args);
        return 7;
      },
    });
    expect(await run(['--loud', 'echo', 'a', '--out', 'f.txt', 'b'], [echo])).toEqual({ code: 7, out: '', err: '' });
    expect(seen).toEqual([{ positionals: ['a', 'b'], values: { loud: true, out: 'f.txt' } }]);
  });
});

describe('src/cli.ts, as npm run cli runs it', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: projectPath() }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });

  it('dispatches over the table: --help exits 0, export --help prints its usage, an unknown command or option exits 2', async () => {
    const [help, exportHelp, unknown, unknownOption] = await Promise.all([
      cli(['--help']),
      cli(['export', '--help']),
      cli(['nope']),
      cli(['ingest', '--nope', 'seed/documents']),
    ]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('  fingerprint  print hashes');
    expect(exportHelp).toMatchObject({ code: 0, stdout: `${COMMANDS.find((c) => c.name === 'export')!.usage}\n` });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^unknown command "nope"\n/);
    expect(unknownOption).toMatchObject({ code: 2, stdout: '' });
    expect(unknownOption.stderr).toMatch(/^ingest: Unknown option '--nope'\n\nUsage: npm run ingest -- /);
  }, 30_000);
});
