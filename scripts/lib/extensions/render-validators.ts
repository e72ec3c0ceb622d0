/**
 * ajv's standalone code for the document schemas, written at codegen time: the
 * validator then needs no schema compilation at start (and no `new Function`,
 * which a page's Content-Security-Policy forbids).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { definition } from '../../../src/extensions/documents/definition.js';
import { COMBINED_SCHEMA_ID, buildCombinedSchema } from '../../../src/extensions/documents/json-schema.js';

export function extensionAjv(options: { source?: boolean } = {}): Ajv2020 {
  return new Ajv2020({ allErrors: true, strict: true, strictTypes: false, inlineRefs: false, messages: false, code: { source: options.source ?? false, esm: true, lines: false } });
}

export function renderExtensionValidators(banner: string): string {
  const ajv = extensionAjv({ source: true });
  const refs: Record<string, string> = {};
  ajv.addSchema(buildCombinedSchema());
  for (const { kind, type } of definition.documents) refs[`validate${kind}`] = `${COMBINED_SCHEMA_ID}#/$defs/${type}`;
  // ajv writes `require` for its runtime helpers even in ESM mode; import them instead.
  const imports: string[] = [];
  const code = standaloneCode(ajv, refs).replace(/const (func\d+) = require\("([^"]+)"\)\.default;/g, (_m, name: string, module: string) => {
    imports.push(`import ${name}Module from '${module}.js';`);
    // Node's ESM gives module.exports (with .default); CJS-style interop gives the function itself.
    return `const ${name} = ${name}Module.default ?? ${name}Module;`;
  });
  return `${banner}/* eslint-disable */\n// @ts-nocheck\n${imports.join('\n')}\n${code.replace(/^"use strict";/, '')}`;
}
