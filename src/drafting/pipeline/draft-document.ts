import type { Annotation } from '../../nlp/annotation.js';
import { assembleDocument, type DraftOptions } from './document.js';
import { readEvents } from './events.js';
import { findPeople, type Gazetteer } from './people.js';
import { publicationDate, readReport } from './reading.js';

/**
 * Proposes a source document from a report's text and CoreNLP's annotation of it: paragraphs (0 for headline,
 * byline and dateline), people linked to the graph or new, meetings and calls read as event frames from the parse
 * with participants, roles, dates at the precision the text gives and places only where attached, visits that
 * group meetings, statements, topics. Every item has evidence (paragraph, a note in the program's words) and a
 * `draft` block: confidence, the rule that proposed it, and its character spans. Pure.
 */
export function draftDocument(text: string, annotation: Annotation, options: DraftOptions, gazetteer: Gazetteer): Record<string, unknown> {
  const reading = readReport(text, annotation);
  const published = publicationDate(reading.text, options.published);
  const people = findPeople(reading, gazetteer, options.publisher);
  const events = readEvents(reading, people, published);
  const warnings = published ? [] : ['No publication date: weekdays and day-and-month dates are left undated.'];
  return assembleDocument({ options, published, paragraphs: reading.paragraphs, people: people.people, gazetteer, warnings, ...events });
}
