import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { javaCommand } from '../local-jvm/java.js';
import type { InstanceLayout } from '../local-neo4j/layout.js';
import { LocalNeo4jError } from '../local-neo4j/local-neo4j.js';

export interface AdminImportOutcome {
  nodes: number;
  relationships: number;
  ms: number;
}

/**
 * Runs `neo4j-admin database import full` from the provisioned jars into `database` of a stopped
 * instance, replacing its store (the system database, and with it the password, stays). `onProgress` gets the
 * tool's percentage as it writes its own progress bar. Fails with the tool's last lines of output.
 */
export function adminImport(
  layout: InstanceLayout,
  database: string,
  files: string[],
  options: { arrayDelimiter: string; multilineFields: boolean; reportDir: string; onProgress?: (percent: number) => void },
): Promise<AdminImportOutcome> {
  const began = performance.now();
  const args = [
    '-cp',
    `${layout.libDir}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    database,
    `--array-delimiter=U+${options.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    `--multiline-fields=${options.multilineFields}`,
    '--overwrite-destination=true',
    // The tool writes import.report into the working directory unless told where.
    `--report-file=${join(options.reportDir, 'import.report')}`,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(javaCommand(), args, {
      env: { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      // Progress lines end in a percentage ("....  25%"); the last one seen is how far it got.
      const percents = [...text.matchAll(/(\d{1,3})%/g)];
      if (percents.length) options.onProgress?.(Number(percents.at(-1)![1]));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => reject(new LocalNeo4jError(`neo4j-admin could not run: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0) {
        const last = output.trimEnd().split('\n').slice(-15).join('\n');
        reject(new LocalNeo4jError(`neo4j-admin database import failed (exit ${code}):\n${last}`));
        return;
      }
      const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(output)?.[1] ?? Number.NaN);
      resolve({ nodes: count('nodes'), relationships: count('relationships'), ms: performance.now() - began });
    });
  });
}
