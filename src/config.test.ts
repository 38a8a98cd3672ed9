import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the server in NEO4J_URI and requires its password', () => {
    const config = loadConfig({ env: { NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'secret-pw', PORT: '4100' } });
    expect(config.neo4j).toEqual({
      kind: 'external',
      uri: 'neo4j://db.example:7687',
      username: 'neo4j',
      password: 'secret-pw',
      database: 'neo4j',
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4100 });
    expect(() => loadConfig({ env: { NEO4J_URI: 'bolt://127.0.0.1:7687' } })).toThrow(/NEO4J_PASSWORD is required/);
  });

  it('falls back to the local server when NEO4J_URI is not set', () => {
    expect(loadConfig({ env: {} }).neo4j).toEqual({
      kind: 'local',
      instance: 'local',
      initialPassword: undefined,
      database: 'neo4j',
      browserAssetsUrl: undefined,
    });
    expect(loadConfig({ env: { PORT: '4100' } }).neo4j).toMatchObject({ browserAssetsUrl: 'http://localhost:4100/browser' });
    expect(loadConfig({ env: {}, instance: 'test' }).neo4j).toMatchObject({ kind: 'local', instance: 'test' });
  });

  it('lets the tests use NEO4J_TEST_URI before NEO4J_URI', () => {
    const env = { NEO4J_URI: 'bolt://a:7687', NEO4J_TEST_URI: 'bolt://b:7687', NEO4J_PASSWORD: 'password1' };
    expect(loadConfig({ env, instance: 'test' }).neo4j).toMatchObject({ uri: 'bolt://b:7687' });
    expect(loadConfig({ env }).neo4j).toMatchObject({ uri: 'bolt://a:7687' });
  });

  it('rejects values a user must fix, naming the variable', () => {
    expect(() => loadConfig({ env: { NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'p' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { PORT: 'eighty' } })).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ env: { NEO4J_PASSWORD: 'short' } })).toThrow(/at least 8 characters/);
  });

  it("uses the NLP server in CORENLP_URL, else the project's own instance of the same name", () => {
    expect(loadConfig({ env: { CORENLP_URL: 'http://nlp.example:9000/' } }).nlp).toEqual({
      kind: 'external',
      url: 'http://nlp.example:9000',
    });
    expect(loadConfig({ env: { CORENLP_URL: 'https://nlp.example/corenlp' }, instance: 'test' }).nlp).toEqual({
      kind: 'external',
      url: 'https://nlp.example/corenlp',
    });
    expect(loadConfig({ env: {} }).nlp).toEqual({ kind: 'local', instance: 'local' });
    expect(loadConfig({ env: {}, instance: 'test' }).nlp).toEqual({ kind: 'local', instance: 'test' });
  });

  it("runs the project's NLP server with a 3g heap and a thread per core unless NLP_HEAP and NLP_THREADS say otherwise", () => {
    expect(loadConfig({ env: {} }).localNlp).toEqual({ heap: '3g', threads: availableParallelism() });
    expect(loadConfig({ env: { NLP_HEAP: '4096m', NLP_THREADS: '3' } }).localNlp).toEqual({ heap: '4096m', threads: 3 });
  });

  it('rejects NLP settings a user must fix, naming the variable', () => {
    expect(() => loadConfig({ env: { CORENLP_URL: '127.0.0.1:9000' } })).toThrow(/CORENLP_URL must be an http/);
    expect(() => loadConfig({ env: { CORENLP_URL: 'bolt://127.0.0.1:9000' } })).toThrow(/CORENLP_URL must be an http/);
    expect(() => loadConfig({ env: { CORENLP_URL: 'http://127.0.0.1:9000/?x=1' } })).toThrow(/without credentials, query/);
    expect(() => loadConfig({ env: { NLP_HEAP: '3 GB' } })).toThrow(/NLP_HEAP must be a Java heap size/);
    expect(() => loadConfig({ env: { NLP_THREADS: '0' } })).toThrow(/NLP_THREADS must be a positive whole number/);
  });
});
