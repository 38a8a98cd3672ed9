import { parsePartialDate } from '../../../domain/partial-date.js';
import { DATE_FIELDS } from '../../../domain/registry/index.js';
import type { DocumentRule } from '../context.js';
import { entriesOf } from '../entries.js';

/** Dates are real calendar dates (the schema checks only their form), and a term of office ends after it starts. */
export const calendarDates: DocumentRule = {
  name: 'calendar-dates',
  check({ documents, report }) {
    for (const { file, document } of documents) {
      for (const { entry, path } of entriesOf(document)) {
        for (const field of DATE_FIELDS) {
          const value = entry[field];
          if (typeof value === 'string' && !parsePartialDate(value)) {
            report({
              file,
              path: `${path}/${field}`,
              message: `"${value}" is not a calendar date`,
              expected: 'a real date: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD',
            });
          }
        }
        const start = typeof entry.start === 'string' ? parsePartialDate(entry.start) : undefined;
        const end = typeof entry.end === 'string' ? parsePartialDate(entry.end) : undefined;
        if (start && end && start.from > end.to) {
          report({
            file,
            path: `${path}/end`,
            message: `${end.value} is before the start ${start.value}`,
            expected: 'an end on or after the start',
          });
        }
      }
    }
  },
};
