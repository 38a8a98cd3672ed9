import { parseArgs } from 'node:util';
import type { Command } from './command.js';

/** Where the dispatcher writes its own lines: the list of commands, a command's usage, what was wrong. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_TERMINAL: Terminal = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const WIDTH = 118;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The commands with their summaries, as `npm run cli -- --help` prints them. */
export function commandList(commands: readonly Command[]): string {
  const column = Math.max(...commands.map((c) => c.name.length)) + 2;
  const indent = ' '.repeat(2 + column);
  const rows = commands.flatMap((c) =>
    wrap(c.summary, WIDTH - indent.length).map((line, i) => (i === 0 ? `  ${c.name.padEnd(column)}${line}` : `${indent}${line}`)),
  );
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    ...rows,
    '',
    'npm run cli -- <command> --help prints how to call a command and what its options do.',
    'Neo4j: NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD if set (environment or .env), else the local server.',
  ].join('\n');
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** parseArgs refuses an option it was not told of, or one without its value, with a TypeError coded ERR_PARSE_ARGS_*. */
function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

/** "Unknown option '--x'", without parseArgs' advice on positionals that begin with a dash. */
const firstSentence = (message: string) => message.split('. ')[0]!;

/** With no command named: the list, on stdout; exit 0 when asked for with --help, else 2. */
function withoutCommand(args: string[], commands: readonly Command[], terminal: Terminal): number {
  try {
    const { values } = parseArgs({ args, options: HELP, strict: true });
    terminal.out(commandList(commands));
    return values.help ? 0 : 2;
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    terminal.err(`${firstSentence(error.message)}\n${commandList(commands)}`);
    return 2;
  }
}

/**
 * Runs the command line `argv` (what follows `src/cli.ts`) against the table and answers the exit code. The command
 * is the first argument that is not an option; the others are parsed by its options, with `-h, --help` added. An
 * unknown command, or an option the command does not take, is said on stderr with the usage, and exits 2.
 */
export async function runCommandLine(argv: string[], commands: readonly Command[], terminal = PROCESS_TERMINAL): Promise<number> {
  const at = argv.findIndex((arg) => !arg.startsWith('-'));
  if (at === -1) return withoutCommand(argv, commands, terminal);
  const name = argv[at];
  const command = commands.find((c) => c.name === name);
  if (!command) {
    terminal.err(`unknown command "${name}"\n${commandList(commands)}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv.toSpliced(at, 1), options: { ...command.options, ...HELP }, allowPositionals: true, strict: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    terminal.err(`${command.name}: ${firstSentence(error.message)}\n\n${command.usage}`);
    return 2;
  }
  const { help, ...values } = parsed.values;
  if (help) {
    terminal.out(command.usage);
    return 0;
  }
  return command.run({ positionals: parsed.positionals, values });
}
