import { describe, expect, it } from 'vitest';
import { DRAFT_ANNOTATORS } from '../nlp/annotation.js';
import { renderCoreNlpPom, SERVER_TIMEOUT_MS, serverJvmArgs } from './corenlp-args.js';
import { CORENLP_VERSION, NLP_INSTANCE_PORTS, nlpLayout } from './layout.js';

const layout = nlpLayout('test', '/srv/og/.corenlp');
const settings = { heap: '3g', threads: 2, preload: DRAFT_ANNOTATORS };

/** The value that follows `option` on the command line. */
const after = (args: string[], option: string) => args[args.indexOf(option) + 1];

describe('the NLP server files', () => {
  it('gives each instance its own port and folder, and one lib folder to both', () => {
    expect(NLP_INSTANCE_PORTS).toEqual({ local: 9000, test: 19000 });
    expect(layout.home).toBe('/srv/og/.corenlp/instances/test');
    expect(layout.pidFile).toBe('/srv/og/.corenlp/instances/test/run/corenlp.pid');
    expect(layout.consoleLog).toBe('/srv/og/.corenlp/instances/test/logs/console.log');
    expect(layout.libDir).toBe(`/srv/og/.corenlp/dist/corenlp-${CORENLP_VERSION}/lib`);
    expect(nlpLayout('local', '/srv/og/.corenlp').libDir).toBe(layout.libDir);
  });

  it('asks Maven for CoreNLP and its models jar at the pinned version', () => {
    const pom = renderCoreNlpPom();
    const corenlp = `<groupId>edu.stanford.nlp</groupId><artifactId>stanford-corenlp</artifactId><version>${CORENLP_VERSION}</version>`;
    expect(pom).toContain(`<dependency>${corenlp}</dependency>`);
    expect(pom).toContain(`<dependency>${corenlp}<classifier>models</classifier></dependency>`);
    expect(pom).toContain('<artifactId>maven-dependency-plugin</artifactId>');
    expect(CORENLP_VERSION).toBe('4.5.10');
  });

  it('starts the server on the instance port with its heap, threads, time limit and the annotators preloaded', () => {
    const args = serverJvmArgs(layout, settings);
    expect(args[0]).toBe('-mx3g');
    expect(after(args, '-cp')).toBe(`${layout.libDir}/*`);
    expect(args[args.indexOf('-cp') + 2]).toBe('edu.stanford.nlp.pipeline.StanfordCoreNLPServer');
    expect(after(args, '-port')).toBe('19000');
    expect(after(args, '-timeout')).toBe(String(SERVER_TIMEOUT_MS));
    expect(after(args, '-threads')).toBe('2');
    expect(after(args, '-preload')).toBe('tokenize,ssplit,pos,lemma,ner,depparse,coref');
    expect(args).toContain('-quiet');
    expect(serverJvmArgs(nlpLayout('local', '/srv/og/.corenlp'), { ...settings, heap: '4096m', threads: 8 })).toEqual(
      expect.arrayContaining(['-mx4096m', '-port', '9000', '-threads', '8']),
    );
  });

  it('exits on an OutOfMemoryError and keeps its shutdown key in the instance, which also marks the process as ours', () => {
    const args = serverJvmArgs(layout, settings);
    const jvmOptions = args.slice(0, args.indexOf('-cp'));
    expect(jvmOptions).toContain('-XX:+ExitOnOutOfMemoryError');
    expect(jvmOptions).toContain(`-Djava.io.tmpdir=${layout.runDir}`);
  });
});
