import { readFileSync } from 'node:fs';
import { buildASTSchema, concatAST, type GraphQLEnumType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../api/type-defs.js';
import { DOCUMENT_SCHEMA_FILE, documentSchemaText } from '../../generate-schemas.js';
import { LINKS_FIELDS, REFERENCE_FIELDS, relationshipEnds } from './fields.js';
import { DOCUMENT_LABELS, ENTITY_LABELS } from './labels.js';
import { CONNECTION_KINDS, connectionTypes, RELATIONSHIP_TYPES } from './relationships.js';
import { VOCABULARIES } from './vocabularies.js';

const sdl = buildASTSchema(concatAST(loadTypeDefs()));
const enumValues = (name: string) => (sdl.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('the domain registry', () => {
  it('keeps vocabularies out of GraphQL enums, so a new term breaks no client, and agrees on the connection kinds', () => {
    const enums = Object.values(sdl.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith('__'));
    const termCodes = new Set<string>(Object.values(VOCABULARIES).flatMap((v) => v.terms.map((t) => t.code)));
    for (const type of enums) {
      expect(
        enumValues(type.name).filter((value) => termCodes.has(value)),
        type.name,
      ).toEqual([]);
    }
    expect(enumValues('ConnectionKind')).toEqual([...CONNECTION_KINDS]);
  });

  it('gives every term a label and a one-line description, and each code once', () => {
    for (const vocabulary of Object.values(VOCABULARIES)) {
      const codes = vocabulary.terms.map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const term of vocabulary.terms) {
        expect(term.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(term.label.length).toBeGreaterThan(1);
        expect(term.description).toMatch(/^[^\n]{5,140}$/);
      }
    }
  });

  it('points every reference and link at labels it declares, through relationship types it declares', () => {
    for (const field of [...REFERENCE_FIELDS, ...LINKS_FIELDS]) {
      for (const target of field.targets) expect(ENTITY_LABELS, `${field.section}.${field.field}`).toContain(target);
      expect(Object.keys(RELATIONSHIP_TYPES), `${field.section}.${field.field}`).toContain(field.type);
    }
    for (const field of LINKS_FIELDS)
      for (const targets of Object.values(field.refProperties)) for (const t of targets) expect(ENTITY_LABELS).toContain(t);
  });

  it('writes every relationship type it declares (evidence and term links too), and lets each connection kind run somewhere', () => {
    const termLinks = Object.values(VOCABULARIES).flatMap((v) => ('graph' in v ? [v.graph.linkType] : []));
    const written = new Set([...relationshipEnds().map((e) => e.type), 'SUPPORTED_BY', ...termLinks]);
    expect([...written].sort()).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
    for (const kind of CONNECTION_KINDS) expect(connectionTypes(kind).length, kind).toBeGreaterThan(0);
  });

  it('has one section per label and distinct labels', () => {
    expect(new Set(DOCUMENT_LABELS.map((s) => s.label)).size).toBe(DOCUMENT_LABELS.length);
    expect(new Set(DOCUMENT_LABELS.map((s) => s.section)).size).toBe(DOCUMENT_LABELS.length);
  });

  it('is what schema/source-document.schema.json holds (npm run codegen writes it)', () => {
    expect(readFileSync(DOCUMENT_SCHEMA_FILE, 'utf8')).toBe(documentSchemaText());
  });
});
