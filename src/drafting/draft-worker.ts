import { parentPort, workerData } from 'node:worker_threads';
import { type DraftOptions, draftDocument } from './pipeline/draft-document.js';
import type { Gazetteer } from './pipeline/mentions.js';

/** What a draft worker is given: the report's text, how it was published, and the graph's people it could name. */
export interface DraftJob {
  text: string;
  options: DraftOptions;
  gazetteer: Gazetteer;
}

// The whole of a draft worker: it drafts once, answers the document, and ends. The drafter does not know it runs here.
if (parentPort) {
  const { text, options, gazetteer } = workerData as DraftJob;
  parentPort.postMessage(draftDocument(text, options, gazetteer));
}
