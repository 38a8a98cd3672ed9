import { execFile } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { JvmServer, Log } from './jvm-server.js';

const run = promisify(execFile);

/** One version for every product, so one plugin in the Maven cache serves them all. */
export const MAVEN_DEPENDENCY_PLUGIN_VERSION = '3.8.1';

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g');

/**
 * A POM whose only job is to let `mvn dependency:copy-dependencies` gather a server's jars: `dependencies` are the
 * insides of its `<dependency>` elements (groupId, artifactId, version, classifier).
 */
export function renderCopyDependenciesPom(artifactId: string, dependencies: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.officials-graph</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${dependencies.map((dependency) => `    <dependency>${dependency}</dependency>`).join('\n')}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>${MAVEN_DEPENDENCY_PLUGIN_VERSION}</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

/**
 * The first three error lines of Maven's output, for a message. Maven colours its lines even in batch mode; the bare
 * "[ERROR]" lines and its advice on -e and -X say nothing here.
 */
export function mavenErrorLines(output: string): string {
  return output
    .split('\n')
    .map((l) => l.replace(ANSI_COLOUR, '').trim())
    .filter((l) => l.startsWith('[ERROR] ') && !/re-run Maven/i.test(l))
    .slice(0, 3)
    .join('\n');
}

async function assertMaven(server: JvmServer): Promise<void> {
  try {
    await run('mvn', ['-v']);
  } catch {
    throw server.error(
      `Maven (mvn) is needed once, to download ${server.download}. Install it (Debian: apt-get install -y maven) ${server.otherwise}.`,
    );
  }
}

export interface MavenCopy {
  /** The product's jar folder (`libDir`, inside `distDir`), complete or absent. */
  distDir: string;
  libDir: string;
  pom: string;
  /** Whether `libDir` holds the jars already: then nothing runs. */
  isProvisioned: () => boolean;
  /** Said before Maven runs, which can take minutes. */
  announce: string;
  /** The product's error for a failed copy, given Maven's error lines (or the error itself when it printed none). */
  failed: (detail: string) => Error;
}

/**
 * Copies a server's jars once into `libDir` through Maven's cache (which downloads what it lacks from Maven Central);
 * later calls find them and touch neither Maven nor the network. Throws the server's error when Maven is missing or fails.
 */
export async function copyMavenDependencies(server: JvmServer, copy: MavenCopy, log: Log): Promise<{ downloaded: boolean }> {
  if (copy.isProvisioned()) return { downloaded: false };
  await assertMaven(server);
  mkdirSync(copy.distDir, { recursive: true });
  const pom = join(copy.distDir, 'pom.xml');
  writeFileSync(pom, copy.pom);
  // Per process, so two first starts at once never write into one folder.
  const staging = join(copy.distDir, `lib.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  log(copy.announce);
  try {
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`], {
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw copy.failed(mavenErrorLines((error as { stdout?: string }).stdout ?? '') || String(error));
  }
  if (copy.isProvisioned()) {
    rmSync(staging, { recursive: true, force: true });
    return { downloaded: false };
  }
  // Rename last, so an interrupted copy never looks like a complete one.
  rmSync(copy.libDir, { recursive: true, force: true });
  renameSync(staging, copy.libDir);
  return { downloaded: true };
}
