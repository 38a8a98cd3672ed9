import type { ParseArgsConfig, parseArgs } from 'node:util';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends CommandOptions> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** What a command receives: the arguments after its name, parsed by its own options. */
export interface CommandArgs<O extends CommandOptions = CommandOptions> {
  positionals: string[];
  values: Parsed<O>['values'];
}

/**
 * One command of `npm run cli -- <name>`. The dispatcher parses the arguments by `options` (strictly: an option the
 * command does not declare is refused) and adds `-h, --help`, which prints `usage`.
 */
export interface Command<O extends CommandOptions = CommandOptions> {
  readonly name: string;
  /** What it does, for the list of commands. */
  readonly summary: string;
  /** What `<name> --help` prints: how to call it, then each argument and option. */
  readonly usage: string;
  readonly options: O;
  /** Answers the exit code: 0 done, 1 the input has problems, 2 the call itself is wrong. */
  run(args: CommandArgs<O>): Promise<number>;
}

/** A command whose `run` sees its options' values typed from `options`. */
export function defineCommand<const O extends CommandOptions>(command: Command<O>): Command<O> {
  return command;
}
