import type { DocumentRule, ResolvedRule } from '../context.js';
import { calendarDates } from './calendar-dates.js';
import { evidenceParagraphs } from './evidence-paragraphs.js';
import { knownTerms } from './known-terms.js';
import { linksOnce } from './links-once.js';
import { references } from './references.js';
import { uniqueIds } from './unique-ids.js';

/** Rules over the documents alone, run in this order; every one runs, whatever the others found. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [uniqueIds, evidenceParagraphs, calendarDates, linksOnce];

/** Rules that need every id resolved, in the batch or in the graph; they run after people are linked. */
export const RESOLVED_RULES: readonly ResolvedRule[] = [references, knownTerms];
