/**
 * Reads the official XSDs of each standard (iWmo 3.2, iJw 3.2) and writes
 * everything the project derives from them:
 *   src/standard/generated/<standard>.json  each standard as data (descriptors)
 *   src/standard/generated/descriptors.ts   the module that loads them
 *   src/standard/generated/types.ts         TypeScript types of the typed model (both standards)
 *   schemas/WMO3NN.schema.json, JW3NN...    JSON Schema (2020-12) per message
 *
 * Usage: npm run codegen -- [<xsd dir> ...] [--check]
 * Each folder holds one standard's basisschema.xsd and message XSDs; which
 * standard it is comes from the basisschema's appinfo. Without folders: the
 * iWmo and iJw folders of ../shared/conformance.
 * With --check nothing is written; the exit code is 1 when a file would change.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type {
  BuiltinType,
  ComplexTypeDescriptor,
  ElementDescriptor,
  EnumValue,
  MessageDescriptor,
  MessageId,
  SimpleTypeDescriptor,
  StandardDescriptor,
  StandardId,
} from '../src/standard/descriptor.js';
import { buildJsonSchema } from '../src/standard/json-schema.js';
import { standardLabel } from '../src/standard/model.js';
import { renderTypes } from './render-types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirArgs = args.filter((a) => !a.startsWith('--'));
const xsdDirs = (dirArgs.length ? dirArgs : ['iwmo-3.2', 'ijw-3.2'].map((s) => join(root, `../shared/conformance/${s}/xsd`))).map((d) => resolve(d));

/** Code list ids of the standard (spec §4); the XSDs carry the values but not the ids. */
const CODELISTS: Record<string, string> = {
  LDT_AanduidingWoonadres: 'NUM061',
  LDT_AdresSoort: 'COD757',
  LDT_BerichtCode: 'COD002-VEKT',
  LDT_Communicatievorm: 'COD747',
  LDT_DatumGebruik: 'COD170',
  LDT_DebetCredit: 'COD043',
  LDT_Eenheid: 'WJ756',
  LDT_Frequentie: 'WMO757',
  LDT_Geslacht: 'COD046',
  LDT_JaNee: 'COD260',
  LDT_JuridischeStatus: 'WJ232',
  LDT_LandCode: 'COD032',
  LDT_NaamGebruik: 'COD700',
  LDT_ProductCategorie: 'WMO020',
  LDT_RedenAfwijzingVerzoek: 'WJ759',
  LDT_RedenBeeindiging: 'WMO588',
  LDT_RedenVerzoek: 'WJ758',
  LDT_RedenWijziging: 'WMO002',
  LDT_RetourCode: 'WJ001',
  LDT_SoortRelatie: 'COD472',
  LDT_StatusAanlevering: 'COD467',
  LDT_TypeVerwijzer: 'COD327',
  LDT_VerzoekAntwoord: 'WJ760',
  LDT_WettelijkeVertegenwoordiging: 'WJ003',
};
/** Code lists whose id differs per standard (iJw spec §3): the rest are shared. */
const CODELIST_OVERRIDES: Record<string, Record<string, string>> = {
  ijw: { LDT_ProductCategorie: 'JZ020', LDT_RedenBeeindiging: 'JZ588', LDT_RedenWijziging: 'JZ002' },
};

type XNode = Record<string, unknown>;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function tagOf(node: XNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}
function kids(node: XNode): XNode[] {
  const tag = tagOf(node);
  return tag ? ((node[tag] as XNode[]) ?? []) : [];
}
function attrs(node: XNode): Record<string, string> {
  return (node[':@'] as Record<string, string>) ?? {};
}
function childrenNamed(node: XNode, tag: string): XNode[] {
  return kids(node).filter((k) => tagOf(k) === tag);
}
function firstChild(node: XNode, tag: string): XNode | undefined {
  return childrenNamed(node, tag)[0];
}
function textOf(node: XNode): string {
  return kids(node)
    .map((k) => (k['#text'] as string | undefined) ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
function documentation(node: XNode): string | undefined {
  const ann = firstChild(node, 'xs:annotation');
  const doc = ann && firstChild(ann, 'xs:documentation');
  const text = doc ? textOf(doc) : '';
  return text || undefined;
}
function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}
function propName(element: string): string {
  return element.charAt(0).toLowerCase() + element.slice(1);
}

// The types of the standard being read (readStandard starts each standard afresh).
let simpleTypes: Record<string, SimpleTypeDescriptor> = {};
let complexTypes: Record<string, ComplexTypeDescriptor> = {};

const BUILTINS: Record<string, BuiltinType> = {
  'xs:string': 'string',
  'xs:integer': 'integer',
  'xs:date': 'date',
  'xs:time': 'time',
};

/** Resolves a restriction into a full simple type: inherits the base's facets, adds its own. */
function restrictionToSimpleType(name: string, restriction: XNode, doc: string | undefined, codelist?: string): SimpleTypeDescriptor {
  const base = attrs(restriction).base!;
  let inherited: SimpleTypeDescriptor;
  if (BUILTINS[base]) {
    inherited = { name, builtin: BUILTINS[base]!, patterns: [] };
  } else {
    const baseType = simpleTypes[localName(base)];
    if (!baseType) throw new Error(`Unknown base type ${base} for ${name}`);
    inherited = baseType;
  }
  const patterns: string[] = [];
  const enumeration: EnumValue[] = [];
  const facets: Record<string, number> = {};
  for (const facet of kids(restriction)) {
    const tag = tagOf(facet);
    if (!tag || tag === 'xs:annotation') continue;
    const value = attrs(facet).value!;
    switch (tag) {
      case 'xs:pattern':
        patterns.push(value);
        break;
      case 'xs:enumeration': {
        const meaning = documentation(facet);
        enumeration.push(meaning ? { value, meaning } : { value });
        break;
      }
      case 'xs:minLength':
      case 'xs:maxLength':
      case 'xs:minInclusive':
      case 'xs:maxInclusive':
        facets[localName(tag)] = Number(value);
        break;
      default:
        throw new Error(`Unsupported facet ${tag} in ${name}`);
    }
  }
  const result: SimpleTypeDescriptor = {
    name,
    builtin: inherited.builtin,
    patterns: patterns.length ? [...inherited.patterns, patterns] : inherited.patterns,
    ...(facets.minLength ?? inherited.minLength) !== undefined ? { minLength: facets.minLength ?? inherited.minLength } : {},
    ...(facets.maxLength ?? inherited.maxLength) !== undefined ? { maxLength: facets.maxLength ?? inherited.maxLength } : {},
    ...(facets.minInclusive ?? inherited.minInclusive) !== undefined ? { minInclusive: facets.minInclusive ?? inherited.minInclusive } : {},
    ...(facets.maxInclusive ?? inherited.maxInclusive) !== undefined ? { maxInclusive: facets.maxInclusive ?? inherited.maxInclusive } : {},
    ...(enumeration.length ? { enumeration } : inherited.enumeration ? { enumeration: inherited.enumeration } : {}),
    ...((codelist ?? inherited.codelist) ? { codelist: codelist ?? inherited.codelist } : {}),
    ...((doc ?? inherited.documentation) ? { documentation: doc ?? inherited.documentation } : {}),
  };
  return result;
}

function readSchema(file: string): XNode {
  const doc = parser.parse(readFileSync(file, 'utf8')) as XNode[];
  const schema = doc.find((n) => tagOf(n) === 'xs:schema');
  if (!schema) throw new Error(`${file}: no xs:schema`);
  return schema;
}

function elementDescriptor(el: XNode, ns: 'message' | 'basis', scope: string, prefixOfMessage: string | undefined): ElementDescriptor {
  const a = attrs(el);
  const name = a.name!;
  const minOccurs = a.minOccurs === undefined ? 1 : Number(a.minOccurs);
  const maxOccurs = a.maxOccurs === undefined ? 1 : a.maxOccurs === 'unbounded' ? 'unbounded' : Number(a.maxOccurs);
  const doc = documentation(el);
  const base: { name: string; prop: string; ns: 'message' | 'basis'; minOccurs: number; maxOccurs: number | 'unbounded' } = {
    name,
    prop: propName(name),
    ns,
    minOccurs,
    maxOccurs,
  };
  if (a.type) {
    const typeName = localName(a.type);
    const typePrefix = a.type.includes(':') ? a.type.slice(0, a.type.indexOf(':')) : '';
    if (typeName.startsWith('LDT_')) return { ...base, simpleType: typeName, ...(doc ? { documentation: doc } : {}) };
    const complexName = typePrefix === prefixOfMessage ? `${scope}/${typeName}` : typeName;
    return { ...base, complexType: complexName, ...(doc ? { documentation: doc } : {}) };
  }
  const inline = firstChild(el, 'xs:simpleType');
  if (!inline) throw new Error(`Element ${name} in ${scope} has neither type nor inline simple type`);
  const restriction = firstChild(inline, 'xs:restriction')!;
  const typeName = `${scope}/${name}`;
  simpleTypes[typeName] = restrictionToSimpleType(typeName, restriction, undefined);
  return { ...base, simpleType: typeName, ...(doc ? { documentation: doc } : {}) };
}

function complexTypeDescriptor(ct: XNode, name: string, ns: 'message' | 'basis', scope: string, prefix: string | undefined): ComplexTypeDescriptor {
  const seq = firstChild(ct, 'xs:sequence');
  if (!seq) throw new Error(`${name}: only xs:sequence content is supported`);
  const children = childrenNamed(seq, 'xs:element').map((el) => elementDescriptor(el, ns, scope, prefix));
  const unsupported = kids(seq).filter((k) => !['xs:element', 'xs:annotation'].includes(tagOf(k) ?? ''));
  if (unsupported.length) throw new Error(`${name}: unsupported particle ${tagOf(unsupported[0]!)}`);
  const doc = documentation(ct);
  const only = children[0];
  const wrapper = children.length === 1 && only !== undefined && only.maxOccurs !== 1;
  return { name, children, wrapper, ...(doc ? { documentation: doc } : {}) };
}

function appinfoOf(schema: XNode, prefix: string): (tag: string) => string {
  const appinfo = firstChild(firstChild(schema, 'xs:annotation')!, 'xs:appinfo')!;
  return (tag: string) => textOf(firstChild(appinfo, `${prefix}:${tag}`)!);
}
function prefixFor(schema: XNode, namespace: string): string {
  return Object.entries(attrs(schema)).find(([k, v]) => k.startsWith('xmlns:') && v === namespace)![0].slice(6);
}

/** Reads one standard: its basisschema and every message XSD in the folder. */
function readStandard(xsdDir: string): StandardDescriptor {
  simpleTypes = {};
  complexTypes = {};
  // --- basisschema ---------------------------------------------------------
  const basis = readSchema(join(xsdDir, 'basisschema.xsd'));
  const basisNamespace = attrs(basis).targetNamespace!;
  const basisPrefix = prefixFor(basis, basisNamespace);
  const basisInfo = appinfoOf(basis, basisPrefix);
  const standaard = basisInfo('standaard');
  const release = basisInfo('release');
  const id = `${standaard}-${release}` as StandardId;
  const codelists = { ...CODELISTS, ...CODELIST_OVERRIDES[standaard] };
  // Simple types may refer to each other; resolve in declaration order with retries.
  let pending = childrenNamed(basis, 'xs:simpleType');
  while (pending.length) {
    const next: XNode[] = [];
    for (const st of pending) {
      const name = attrs(st).name!;
      const restriction = firstChild(st, 'xs:restriction')!;
      const base = attrs(restriction).base!;
      if (!BUILTINS[base] && !simpleTypes[localName(base)]) {
        next.push(st);
        continue;
      }
      simpleTypes[name] = restrictionToSimpleType(name, restriction, documentation(st), codelists[name]);
    }
    if (next.length === pending.length) throw new Error('Unresolvable simple types in basisschema');
    pending = next;
  }
  for (const ct of childrenNamed(basis, 'xs:complexType')) {
    const name = attrs(ct).name!;
    complexTypes[name] = complexTypeDescriptor(ct, name, 'basis', name, undefined);
  }

  // --- messages --------------------------------------------------------------
  const messages: Partial<Record<MessageId, MessageDescriptor>> = {};
  const files = readdirSync(xsdDir)
    .filter((f) => /^(WMO|JW)\d{3}\.xsd$/.test(f))
    .sort();
  for (const file of files) {
    const messageId = file.replace('.xsd', '') as MessageId;
    const schema = readSchema(join(xsdDir, file));
    const namespace = attrs(schema).targetNamespace!;
    const prefix = prefixFor(schema, namespace);
    const info = appinfoOf(schema, basisPrefix);
    for (const ct of childrenNamed(schema, 'xs:complexType')) {
      const local = attrs(ct).name!;
      complexTypes[`${messageId}/${local}`] = complexTypeDescriptor(ct, `${messageId}/${local}`, 'message', messageId, prefix);
    }
    const rootEl = firstChild(schema, 'xs:element')!;
    const rootDesc = elementDescriptor(rootEl, 'message', messageId, prefix);
    const headerType = complexTypes[`${messageId}/Header`]!;
    const codeType = simpleTypes[headerType.children.find((c) => c.name === 'BerichtCode')!.simpleType!]!;
    const doc = complexTypes[rootDesc.complexType!]!.documentation;
    messages[messageId] = {
      id: messageId,
      standard: id,
      berichtCode: codeType.patterns.at(-1)![0]!,
      namespace,
      prefix,
      release: info('release'),
      berichtXsdVersie: info('BerichtXsdVersie'),
      basisschemaXsdVersie: info('BasisschemaXsdVersie'),
      root: rootDesc,
      ...(doc ? { documentation: doc } : {}),
    };
  }
  return {
    id,
    standaard,
    release,
    basisNamespace,
    basisPrefix,
    simpleTypes: sortKeys(simpleTypes),
    complexTypes: sortKeys(complexTypes),
    messages: messages as Record<MessageId, MessageDescriptor>,
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// iWmo first: the typed model of its twin is written relative to it.
const standards = xsdDirs.map(readStandard).sort((a, b) => (a.id === 'iwmo-3.2' ? -1 : b.id === 'iwmo-3.2' ? 1 : 0));

// --- output ------------------------------------------------------------------
const names = standards.map((s) => s.id).join(', ');
const banner = `// Generated by \`npm run codegen\` from the official XSDs (${names}). Do not edit.\n`;
const outputs = new Map<string, string>();
const constName = (s: StandardDescriptor) => `${s.standaard}Json`;
outputs.set(
  'src/standard/generated/descriptors.ts',
  `${banner}import type { StandardDescriptor, WmoMessageId, JwMessageId } from '../descriptor.js';\n` +
    standards.map((s) => `import ${constName(s)} from './${s.id}.json' with { type: 'json' };\n`).join('') +
    standards
      .map((s) => {
        const ids = s.standaard === 'iwmo' ? 'WmoMessageId' : 'JwMessageId';
        const name = s.standaard === 'iwmo' ? 'standard' : `${s.standaard}Standard`;
        return `\n/** ${standardLabel(s)} ${s.release}: the descriptors of its XSDs. */\nexport const ${name} = ${constName(s)} as unknown as StandardDescriptor<${ids}>;\n`;
      })
      .join(''),
);
for (const s of standards) outputs.set(`src/standard/generated/${s.id}.json`, JSON.stringify(s, null, 2) + '\n');
outputs.set('src/standard/generated/types.ts', banner + renderTypes(standards));
for (const s of standards) {
  for (const id of Object.keys(s.messages) as MessageId[]) {
    outputs.set(`schemas/${id}.schema.json`, JSON.stringify(buildJsonSchema(s, id), null, 2) + '\n');
  }
}

let changed = 0;
for (const [rel, content] of outputs) {
  const path = join(root, rel);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === content) continue;
  changed++;
  if (check) {
    console.error(`codegen: ${rel} is out of date with the XSDs`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`codegen: wrote ${rel}`);
  }
}
for (const s of standards) {
  console.log(`codegen: ${s.id}: ${Object.keys(s.messages).length} messages, ${Object.keys(s.simpleTypes).length} simple types, ${Object.keys(s.complexTypes).length} complex types`);
}
console.log(`codegen: ${changed} file(s) ${check ? 'differ' : 'written'}`);
if (check && changed) process.exit(1);
