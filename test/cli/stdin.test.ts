/**
 * `-` reads the message from standard input, as most command-line tools do:
 * `curl … | iwmo validate -`. The same answers as for a file, also where the
 * fast path gives up late and standard input must be read again.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { encode, validate } from '../../src/index.js';
import { reportJson } from '../../src/http/report-json.js';
import { invalidWmo305, wmo305 } from '../http/messages.js';
import { tempDir } from '../temp-dir.js';
import { iwmo } from './run.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('stdin');
  writeFileSync(join(dir, 'message.xml'), wmo305());
});

const jsonReport = (stdout: string): unknown => (JSON.parse(stdout) as { file: string }[]).map(({ file, ...report }) => ({ file, report }));

describe('- for standard input', () => {
  it('iwmo validate -: accepted, rejected, and the same JSON report as validate gives', () => {
    const accepted = iwmo(['validate', '-'], dir, wmo305());
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toMatch(/^✓ -: accepted/);
    const invalid = invalidWmo305();
    const rejected = iwmo(['validate', '--format', 'json', '-'], dir, invalid);
    expect(rejected.status).toBe(1);
    expect(jsonReport(rejected.stdout)).toEqual([{ file: '-', report: reportJson(validate(new TextEncoder().encode(invalid))) }]);
  });

  it('beside files, once however often it is named', () => {
    const run = iwmo(['validate', '--format', 'json', 'message.xml', '-', '-'], dir, invalidWmo305());
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { file: string; accepted: boolean }[]).map((r) => [r.file, r.accepted])).toEqual([
      ['message.xml', true],
      ['-', false],
    ]);
  });

  it('reads standard input again where the fast path gives up late: a processing instruction after the first chunks', () => {
    const declaratie = encode(buildDeclaratie(600));
    const at = declaratie.indexOf('<wmo323:Client>', declaratie.length / 2);
    const xml = declaratie.slice(0, at) + '<?iwmo late?>' + declaratie.slice(at);
    expect(at).toBeGreaterThan(200_000);
    const run = iwmo(['validate', '--format', 'json', '-'], dir, xml);
    expect(jsonReport(run.stdout)).toEqual([{ file: '-', report: reportJson(validate(new TextEncoder().encode(xml))) }]);
    expect(run.status).toBe(0);
  });

  it('refuses input over --max-size with its exact size', () => {
    const xml = wmo305();
    const run = iwmo(['validate', '--max-size', '100', '-'], dir, xml);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`(${new TextEncoder().encode(xml).length} > 100 bytes; OP179)`);
  });

  it('iwmo format, retour and inspect -: the same output as for the file', () => {
    for (const command of [['format'], ['retour'], ['inspect']]) {
      const fromFile = iwmo([...command, 'message.xml'], dir);
      const fromStdin = iwmo([...command, '-'], dir, wmo305());
      expect(fromStdin.status, command[0]).toBe(0);
      expect(fromStdin.stdout, command[0]).toBe(fromFile.stdout);
    }
  });
});
