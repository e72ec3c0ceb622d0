/**
 * The command line on iJw 3.2 messages: the same commands, the standard told
 * by the namespace and named in the output.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { iwmo } from './run.js';
import { tempDir } from '../temp-dir.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/retour');
let dir: string;
beforeAll(() => {
  dir = tempDir('cli-ijw');
  for (const id of ['JW301', 'JW319', 'WMO301']) copyFileSync(join(FIXTURES, `${id}.xml`), join(dir, `${id}.xml`));
});

describe('the CLI on iJw messages', () => {
  it('validate says which standard it detected, for each file', () => {
    const run = iwmo(['validate', 'JW301.xml', 'WMO301.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('JW301.xml: accepted (geaccepteerd), JW301 (iJw 3.2, BerichtCode 436)');
    expect(run.stdout).toContain('WMO301.xml: accepted (geaccepteerd), WMO301 (iWmo 3.2, BerichtCode 414)');
    const json = JSON.parse(iwmo(['validate', '--format', 'json', 'JW319.xml'], dir).stdout) as { standard: string; message: string }[];
    expect(json[0]).toMatchObject({ message: 'JW319', standard: 'ijw-3.2' });
  });

  it('generate JW323 writes valid iJw declaraties', () => {
    const out = join(dir, 'generated');
    const run = iwmo(['generate', 'JW323', '--count', '3', '--seed', '42', '--out', out], dir);
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['JW323-1.xml', 'JW323-2.xml', 'JW323-3.xml']);
    for (const file of files) expect(validate(readFileSync(join(out, file)))).toMatchObject({ message: 'JW323', standard: 'ijw-3.2', accepted: true });
  });

  it('retour answers a JW319 with a JW320, format keeps the iJw prefixes, inspect names the standard', () => {
    const retour = iwmo(['retour', 'JW319.xml'], dir);
    expect(retour.status).toBe(0);
    expect(retour.stdout).toContain('<jw320:Bericht');
    expect(validate(retour.stdout)).toMatchObject({ message: 'JW320', accepted: true });
    const format = iwmo(['format', 'JW301.xml'], dir);
    expect(format.status).toBe(0);
    expect(format.stdout).toContain('xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"');
    const inspect = iwmo(['inspect', 'JW301.xml'], dir);
    expect(inspect.stdout.split('\n')[0]).toBe('JW301 Toewijzing Jeugdhulp, BerichtCode 436, iJw 3.2');
  });
});
