import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { JvmServer } from './jvm-server.js';

const run = promisify(execFile);

/** The java of JAVA_HOME when it is set, else the one on the PATH. */
export function javaCommand(): string {
  const javaHome = process.env.JAVA_HOME;
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/** The major version `java -version` reports ("1.8.0_392" is 8, "17.0.9" is 17), or undefined when it names none. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  return match ? Number(match[1] === '1' ? match[2] : match[1]) : undefined;
}

/** Throws the server's error unless `java` runs and is Java 17 or newer. */
export async function assertJava17(server: JvmServer, java = javaCommand()): Promise<void> {
  let output: string;
  try {
    const { stderr, stdout } = await run(java, ['-version']);
    output = stderr + stdout;
  } catch {
    throw server.error(
      `Java 17 or newer is needed to run ${server.fullName}, and "${java}" could not be run. ` +
        `Install a JDK 17+ (Debian: apt-get install -y openjdk-17-jre-headless) ${server.otherwise}.`,
    );
  }
  const major = javaMajorVersion(output);
  if (!(major !== undefined && major >= 17)) {
    throw server.error(
      `Java 17 or newer is needed to run ${server.name}, found ${major !== undefined ? `Java ${major}` : 'an unknown version'} ` +
        `at "${java}". Point JAVA_HOME at a JDK 17+ ${server.otherwiseBriefly}.`,
    );
  }
}
