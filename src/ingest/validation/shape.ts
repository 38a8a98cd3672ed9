import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Problem } from '../../domain/problem.js';
import { documentJsonSchema, judgementsJsonSchema, TEXT_PATTERN } from '../../domain/registry/index.js';

type Validator = ReturnType<Ajv2020['compile']>;
const compiled = new Map<string, Validator>();

function schemaValidator(name: 'document' | 'judgements'): Validator {
  let validator = compiled.get(name);
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats ships CommonJS typings whose default export NodeNext sees as the module object.
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    validator = ajv.compile(name === 'document' ? documentJsonSchema() : judgementsJsonSchema());
    compiled.set(name, validator);
  }
  return validator;
}

/** What each pattern of the schema's definitions means in words, for errors raised through a $ref. */
const PATTERN_DESCRIPTIONS = new Map(
  Object.values(documentJsonSchema().$defs as Record<string, { pattern?: string; description?: string }>).flatMap((d) =>
    d.pattern && d.description ? [[d.pattern, d.description] as const] : [],
  ),
);

/** The value a JSON Pointer names inside `root` (ajv's instancePath), undefined when it names nothing. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return value;
}

const FORBIDDEN_CHARACTER = new RegExp(TEXT_PATTERN.replace('^[^', '[').replace(']*$', ']'), 'u');

/**
 * What is wrong with a text by the character rule of every text: its first forbidden character, and where (1 counts
 * the first); undefined when it has none. The API says the same of a text it is given as a file's schema does.
 */
export function forbiddenCharacterIn(text: string): string | undefined {
  const characters = [...text];
  const at = characters.findIndex((c) => FORBIDDEN_CHARACTER.test(c));
  if (at < 0) return undefined;
  const code = characters[at]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `holds U+${code} at character ${at + 1}, which XML 1.0 forbids`;
}

function describeSchemaError(file: string, error: ErrorObject, value: unknown): Problem {
  const path = error.instancePath || '/';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { file, path: `${error.instancePath}/${String(p.missingProperty)}`, message: 'is missing', expected: 'a value (required)' };
    case 'additionalProperties':
      return {
        file,
        path: `${error.instancePath}/${String(p.additionalProperty)}`,
        message: 'is not a known field',
        expected: 'only the fields the schema defines',
      };
    case 'enum':
      return {
        file,
        path,
        message: 'has a value outside the allowed list',
        expected: `one of ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return { file, path, message: 'has the wrong value', expected: JSON.stringify(p.allowedValue) };
    case 'pattern':
      return {
        file,
        path,
        message:
          (p.pattern === TEXT_PATTERN && forbiddenCharacterIn(String(valueAt(value, error.instancePath)))) || 'is not in the expected form',
        expected: error.parentSchema?.description ?? PATTERN_DESCRIPTIONS.get(String(p.pattern)) ?? `text matching ${String(p.pattern)}`,
      };
    case 'type':
      return { file, path, message: 'has the wrong type', expected: `a value of type ${String(p.type)}` };
    case 'minLength':
      return { file, path, message: 'is too short', expected: `at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}` };
    case 'maxLength':
      return { file, path, message: 'is too long', expected: `at most ${String(p.limit)} characters` };
    case 'minItems':
      return { file, path, message: 'has too few items', expected: `at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    case 'minimum':
    case 'maximum':
      return { file, path, message: 'is out of range', expected: `a number ${String(p.comparison)} ${String(p.limit)}` };
    case 'uniqueItems':
      return { file, path, message: `repeats an item (items ${String(p.j)} and ${String(p.i)})`, expected: 'each item once' };
    case 'format':
      return { file, path, message: `is not a valid ${String(p.format)}`, expected: `a ${String(p.format)}` };
    default:
      return {
        file,
        path,
        message: error.message ?? error.keyword,
        expected: error.parentSchema?.description ?? 'a value the schema allows',
      };
  }
}

/** Checks a parsed value against the document JSON Schema (or the judgements file's) alone; lists every problem. */
export function checkShape(file: string, value: unknown, schema: 'document' | 'judgements' = 'document'): Problem[] {
  const validate = schemaValidator(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeSchemaError(file, e, value));
}

/**
 * How deep arrays and objects may nest in a document: the deepest a source document goes is six levels (a meeting's
 * participant's evidence note); anything far deeper is not a document, and would exhaust the stack of every
 * recursive walk after this one (the schema's, the draft blocks' removal, a structured clone).
 */
export const MAX_DOCUMENT_DEPTH = 32;

/**
 * Whether a parsed value nests arrays and objects deeper than MAX_DOCUMENT_DEPTH, found without recursion: one
 * problem at the path of the first container past the limit. Run before anything else walks the value.
 */
export function checkDepth(file: string, value: unknown): Problem[] {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 1 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.value === null || typeof top.value !== 'object') continue;
    if (top.depth > MAX_DOCUMENT_DEPTH) {
      return [
        {
          file,
          path: top.path || '/',
          message: `is nested deeper than ${MAX_DOCUMENT_DEPTH} levels of arrays and objects`,
          expected: 'a source document, which nests a few levels deep',
        },
      ];
    }
    for (const [key, inner] of Object.entries(top.value)) {
      stack.push({ value: inner, path: `${top.path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth: top.depth + 1 });
    }
  }
  return [];
}
