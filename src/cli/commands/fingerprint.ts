import { readFileSync } from 'node:fs';
import { fingerprint, RUN_LENGTH } from '../../domain/copy-check.js';
import { defineCommand } from '../command.js';
import { log } from '../shared.js';

export const fingerprintCommand = defineCommand({
  name: 'fingerprint',
  summary: "print hashes of the 8-word runs of a source's text (JSON), to check notes for copying",
  usage: `Usage: npm run cli -- fingerprint FILE

  Prints the hashes of the 8-word runs of a source's text as JSON ({ runLength, hashes }), to check notes for
  copying without keeping the text.`,
  options: {},
  async run({ positionals: [file] }) {
    if (!file) {
      log('fingerprint needs a FILE');
      return 2;
    }
    process.stdout.write(`${JSON.stringify({ runLength: RUN_LENGTH, hashes: fingerprint(readFileSync(file, 'utf8')) })}\n`);
    return 0;
  },
});
