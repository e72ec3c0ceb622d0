/**
 * Everything derived from the definition is committed and up to date: the
 * types, the JSON Schemas, the XSD, ajv's standalone validators and the
 * fixtures. The XSD is checked by xmllint (CI installs libxml2-utils).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { extensionOutputs } from '../../../scripts/lib/extensions/outputs.js';
import { extensionFixtureFiles } from '../../../scripts/lib/extensions/fixtures/files.js';
import { documentArbitrary, shapeArbitrary } from '../../../src/extensions/documents/arbitraries.js';
import { definition } from '../../../src/extensions/documents/definition.js';
import { documentToXml, validateDocument } from '../../../src/extensions/index.js';
import type { DocumentKind } from '../../../src/extensions/model.js';
import { brokenCases, root, validFixtureFiles } from './support.js';
import { tempDir } from '../../temp-dir.js';

const XSD = join(root, 'schemas/extensions/iwmo-ext.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
/** Level-1 rules checked in code: JSON Schema's multipleOf is unreliable on binary fractions. */
const BEYOND_JSON_SCHEMA = new Set(['EXT008']);
/** Level-1 XML defects the XSD cannot see, and why. */
const BEYOND_XSD: Record<string, string> = {
  'EXT001-type-does-not-match.xml': 'an XSD cannot tie the header Type to the body element',
  'EXT001-doctype.xml': 'xmllint reads a DOCTYPE; iwmo refuses it',
};

describe('generated from the definition', () => {
  it.each([...extensionOutputs()].map(([path, content]) => [path, content] as const))('%s is up to date (npm run codegen:extensions)', (path, content) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(content);
  });

  it('fixtures/extensions is up to date (npx tsx scripts/lib/extensions/fixtures/write.ts)', () => {
    for (const [path, content] of extensionFixtureFiles()) expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
  });

  it('the published JSON Schemas agree with the validator on every fixture', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    const schemas = new Map(definition.documents.map((d) => [d.kind, ajv.compile(JSON.parse(readFileSync(join(root, `schemas/extensions/${d.kind}.schema.json`), 'utf8')))]));
    for (const file of validFixtureFiles().filter((f) => f.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      expect(schemas.get(doc.kind)!(doc), file).toBe(true);
    }
    for (const { files } of brokenCases()) {
      for (const { file, findings } of files.filter((f) => f.file.endsWith('.json'))) {
        const text = readFileSync(file, 'utf8');
        let doc: { kind?: string };
        try {
          doc = JSON.parse(text);
        } catch {
          continue; // not JSON at all (EXT001)
        }
        const schema = schemas.get(doc.kind as DocumentKind);
        if (!schema) continue; // unknown kind (EXT002)
        // Schema rules are level 1; the invariants (level 2) are beyond any JSON Schema.
        expect(schema(doc), file).toBe(findings[0]!.level === 2 || BEYOND_JSON_SCHEMA.has(findings[0]!.rule));
      }
    }
  });
});

describe('the generated validator and the published schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  const published = new Map(definition.documents.map((d) => [d.kind, ajv.compile(JSON.parse(readFileSync(join(root, `schemas/extensions/${d.kind}.schema.json`), 'utf8')))]));

  it.each(definition.documents.map((d) => d.kind as DocumentKind))('agree on %s documents and on each with one field dropped or retyped', (kind) => {
    const schema = published.get(kind)!;
    const schemaOnly = (doc: unknown) => !validateDocument(doc as object).findings.some((f) => f.level === 1 && f.rule !== 'EXT008');
    fc.assert(
      fc.property(shapeArbitrary(kind), fc.nat(), fc.constantFrom('drop', 'text', 'number', 'fraction'), (doc, pick, how) => {
        expect(schema(doc)).toBe(true);
        expect(schemaOnly(doc)).toBe(true);
        const mutated = structuredClone(doc) as unknown as Record<string, unknown>;
        const keys = Object.keys(mutated).filter((k) => k !== 'kind');
        const key = keys[pick % keys.length]!;
        if (how === 'drop') delete mutated[key];
        else mutated[key] = how === 'text' ? 'x' : how === 'number' ? 7 : 0.5;
        expect(schemaOnly(mutated)).toBe(schema(mutated));
      }),
      { numRuns: 80 },
    );
  });
});

describe.skipIf(!hasXmllint)('the XSD with xmllint', () => {
  it('compiles, and accepts every valid XML fixture', () => {
    const files = validFixtureFiles().filter((f) => f.endsWith('.xml'));
    const run = spawnSync('xmllint', ['--noout', '--schema', XSD, ...files], { encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('accepts every encoded document, generated from the definition', () => {
    const dir = tempDir('ext-xsd');
    const files: string[] = [];
    for (const { kind } of definition.documents) {
      const docs = [...fc.sample(shapeArbitrary(kind as DocumentKind), { numRuns: 15, seed: 7 }), ...fc.sample(documentArbitrary(kind as DocumentKind), { numRuns: 15, seed: 8 })];
      docs.forEach((doc, i) => {
        const file = join(dir, `${kind}-${i}.xml`);
        writeFileSync(file, documentToXml(doc));
        files.push(file);
      });
    }
    const run = spawnSync('xmllint', ['--noout', '--schema', XSD, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(run.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
  });

  it('refuses what the schema check refuses: the level-1 broken XML fixtures', () => {
    for (const { files } of brokenCases()) {
      for (const { file, findings } of files.filter((f) => f.file.endsWith('.xml'))) {
        if (findings[0]!.level !== 1 || BEYOND_XSD[file.split('/').at(-1)!]) continue;
        const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
        expect(run.status, file).not.toBe(0);
        expect(validateDocument(readFileSync(file)).accepted, file).toBe(false);
      }
    }
  });
});

describe.runIf(!hasXmllint)('the XSD without xmllint', () => {
  it('is checked with xmllint only where it is installed (apt-get install libxml2-utils); here it is not', () => {
    expect(hasXmllint).toBe(false);
  });
});
