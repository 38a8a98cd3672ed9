import { loadConfig } from '../../config.js';
import { ensureNlpRunning, type NlpStatus, nlpStatus, stopNlp } from '../../local-nlp/local-nlp.js';
import { DRAFT_ANNOTATORS } from '../../nlp/annotation.js';
import { defineCommand } from '../command.js';
import { log } from '../shared.js';

function printStatus(s: NlpStatus): void {
  process.stdout.write(
    `${[
      `instance  ${s.instance}`,
      `corenlp   ${s.version} ${s.provisioned ? '(jars cached)' : '(not downloaded yet)'}`,
      `state     ${s.running ? `running, pid ${s.pid}${s.ready ? '' : ', loading its models'}` : 'stopped'}`,
      `url       ${s.url}`,
      `log       ${s.consoleLog}`,
      `disk      jars ${(s.jarBytes / 1024 / 1024).toFixed(0)} MB`,
    ].join('\n')}\n`,
  );
}

type Instance = 'local' | 'test';

/** Each action on an instance, answering the exit code. */
const ACTIONS: Record<string, (instance: Instance) => Promise<number>> = {
  async start(instance) {
    const { nlp, localNlp } = loadConfig({ instance });
    if (nlp.kind === 'external') log(`CORENLP_URL is set (${nlp.url}): drafts use that server, not the one started here`);
    const running = await ensureNlpRunning(instance, { ...localNlp, preload: DRAFT_ANNOTATORS }, { log });
    log(running.started ? `started in ${(running.startMs / 1000).toFixed(1)} s` : 'already running');
    printStatus(await nlpStatus(instance));
    return 0;
  },
  async stop(instance) {
    log((await stopNlp(instance)) ? 'stopped' : 'was not running');
    return 0;
  },
  async status(instance) {
    const s = await nlpStatus(instance);
    printStatus(s);
    return s.running ? 0 : 3;
  },
};

export const nlpCommand = defineCommand({
  name: 'nlp',
  summary: "manage the project's NLP server (Stanford CoreNLP): start, stop or status (--test: the tests' own server)",
  usage: `Usage: npm run cli -- nlp start|stop|status [--test]   (also npm run nlp:start, nlp:stop, nlp:status)

  Manages the project's NLP server, Stanford CoreNLP, which the drafter sends each report to:
    start   provision it if needed (about 495 MB through Maven, once), start it, wait until its models are
            loaded; print its status. NLP_HEAP (default 3g) and NLP_THREADS (default: the cores) set its heap
            and request threads
    stop    shut it down (SIGTERM)
    status  running or not, pid, URL, disk used; exits 3 when stopped

  --test  the tests' own server (port 19000) instead of the local one (port 9000)`,
  options: { test: { type: 'boolean', default: false } },
  async run({ positionals: [action], values }) {
    const act = action !== undefined && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!act) {
      log(`unknown nlp action "${action ?? ''}"; use start, stop or status`);
      return 2;
    }
    return act(values.test ? 'test' : 'local');
  },
});
