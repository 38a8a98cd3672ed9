import { join, resolve } from 'node:path';

/** The folders every local JVM server has, under its own root (`<project>/.neo4j`, `<project>/.corenlp`). */
export interface JvmLayout {
  /** Jars shared by every instance: copied once, reused offline. */
  distDir: string;
  libDir: string;
  /** The instance's own folder. */
  home: string;
  runDir: string;
  pidFile: string;
  consoleLog: string;
}

/**
 * `<root>/dist/<dist>/lib` for the jars, `<root>/instances/<instance>` for one instance, with its pid file
 * (`run/<pidFileName>`) and console log (`logs/console.log`).
 */
export function jvmLayout(root: string, dist: string, instance: string, pidFileName: string): JvmLayout {
  const distDir = resolve(root, 'dist', dist);
  const home = resolve(root, 'instances', instance);
  return {
    distDir,
    libDir: join(distDir, 'lib'),
    home,
    runDir: join(home, 'run'),
    pidFile: join(home, 'run', pidFileName),
    consoleLog: join(home, 'logs', 'console.log'),
  };
}
