import { parentPort, workerData } from 'node:worker_threads';
import type { Annotation } from '../nlp/annotation.js';
import type { DraftOptions } from './pipeline/document.js';
import { draftDocument } from './pipeline/draft-document.js';
import type { Gazetteer } from './pipeline/people.js';

/**
 * What a draft worker is given: the report's text, CoreNLP's annotation of it as read, how it was published, and
 * the graph's people it could name.
 */
export interface DraftJob {
  text: string;
  annotation: Annotation;
  options: DraftOptions;
  gazetteer: Gazetteer;
}

// The whole of a draft worker: it drafts once, answers the document, and ends. The drafter does not know it runs here.
if (parentPort) {
  const { text, annotation, options, gazetteer } = workerData as DraftJob;
  parentPort.postMessage(draftDocument(text, annotation, options, gazetteer));
}
