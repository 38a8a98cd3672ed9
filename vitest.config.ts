import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const require = createRequire(import.meta.url);

/**
 * The file that stops and starts the tests' Neo4j runs last: a restarted server plans every statement again on a
 * cold JVM, and each file after it paid for that anew.
 */
class RestartLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const restarts = (file: TestSpecification) => file.moduleId.endsWith('tests/integration/faults.int.test.ts');
    return [...sorted.filter((file) => !restarts(file)), ...sorted.filter(restarts)];
  }
}

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build for our code while Apollo loads its CommonJS build under Node: two
    // instances, and graphql refuses types from "another realm". Node alone resolves both to the CommonJS one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    env: { TZ: 'UTC' },
    sequence: { sequencer: RestartLast },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          // Neo4j for every run; the NLP server only for a run that asks for it, stopped by the second when it ends.
          globalSetup: ['tests/global-setup.ts', 'tests/nlp-global-setup.ts'],
          // Files share one database and reset it; running them one after another keeps each file's graph its own.
          fileParallelism: false,
          // One module graph for every file: each file resets the database itself, and importing Apollo, graphql-js
          // and the driver anew per file cost a fifth of the suite's time.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
