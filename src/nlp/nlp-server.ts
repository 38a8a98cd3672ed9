import { type Config, loadConfig } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { nlpLayout } from '../local-nlp/layout.js';
import { ensureNlpRunning, LocalNlpError, type Log, outOfMemory, runningPid } from '../local-nlp/local-nlp.js';
import { type Annotation, DRAFT_ANNOTATORS } from './annotation.js';
import { type AnnotateOptions, annotateAt, assertPublished, type NlpEndpoint } from './client.js';

/** The NLP server of this process, wherever it is: what the drafter is handed. */
export interface Nlp {
  /** Where requests go: CORENLP_URL as given, or the project's own server once it answers (started if need be). */
  url(): Promise<string>;
  /** One report annotated (see annotateAt); for the project's own server, started first if it does not run. */
  annotate(text: string, published: string | null, options?: AnnotateOptions): Promise<Annotation>;
}

const LOCAL_REMEDY =
  'Start it with npm run nlp:start (the next request also starts it), or set CORENLP_URL to a CoreNLP server of your own.';

/**
 * The NLP server the configuration names (`nlp`; `localNlp` sets up the project's own). A server in CORENLP_URL is
 * used as it is, never started or probed. The project's own instance is started on first use, once: callers that
 * arrive while it starts wait for the same start. A start that fails, or a server found gone, is forgotten, so the
 * next request tries again; every failure is NLP_UNAVAILABLE.
 */
export function createNlp(config: Pick<Config, 'nlp' | 'localNlp'>, options: { log?: Log } = {}): Nlp {
  const target = config.nlp;
  if (target.kind === 'external') {
    const endpoint: NlpEndpoint = {
      url: target.url,
      remedy: 'Start the server CORENLP_URL names, or unset CORENLP_URL to let the project run its own (npm run nlp:start).',
    };
    return { url: async () => target.url, annotate: (text, published, o) => annotateAt(endpoint, text, published, o) };
  }

  let starting: Promise<string> | undefined;
  const url = () => {
    starting ??= ensureNlpRunning(target.instance, { ...config.localNlp, preload: DRAFT_ANNOTATORS }, options).then(
      (running) => {
        if (running.started) options.log?.(`The NLP server is up (${(running.startMs / 1000).toFixed(1)} s).`);
        return running.url;
      },
      (error: unknown) => {
        starting = undefined;
        if (!(error instanceof LocalNlpError)) throw error;
        throw new AppError(ErrorCode.NLP_UNAVAILABLE, `The project's NLP server could not be started. ${error.message}`);
      },
    );
    return starting;
  };
  return {
    url,
    async annotate(text, published, annotateOptions) {
      // Before a start: a wrong date should not wait for the models.
      assertPublished(published);
      const endpoint = { url: await url(), remedy: LOCAL_REMEDY };
      try {
        return await annotateAt(endpoint, text, published, annotateOptions);
      } catch (error) {
        const layout = nlpLayout(target.instance);
        if (error instanceof AppError && error.code === ErrorCode.NLP_UNAVAILABLE && runningPid(layout) === undefined) {
          starting = undefined;
          const said = ["The project's NLP server stopped.", outOfMemory(layout), LOCAL_REMEDY].filter(Boolean).join(' ');
          throw new AppError(ErrorCode.NLP_UNAVAILABLE, said);
        }
        throw error;
      }
    },
  };
}

let processNlp: Nlp | undefined;

/**
 * This process's NLP server, from the configuration (CORENLP_URL, else the project's `local` instance), made on the
 * first call; `log` (of that call) hears about a start. Nothing calls it at start-up: the first annotation starts the
 * server, so `npm start` never waits for its models.
 */
export function nlpServer(log?: Log): Nlp {
  processNlp ??= createNlp(loadConfig(), log ? { log } : {});
  return processNlp;
}
