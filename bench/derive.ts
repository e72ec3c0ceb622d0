/**
 * One-off measurement of the derived validators: zod vs ajv (JSON Schema) per
 * message on generated messages, and what loading zod and building the schemas
 * costs in a fresh process. Run: npx tsx bench/derive.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generateMessages } from '../src/generate/index.js';
import { standard } from '../src/standard/generated/descriptors.js';
import type { MessageId } from '../src/standard/descriptor.js';

const ids = Object.keys(standard.messages) as MessageId[];
const here = fileURLToPath(import.meta.url);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** In a fresh process: import zod, build all 14 schemas, parse once each (zod compiles on first use). */
async function loadOnce(): Promise<void> {
  const t0 = performance.now();
  await import('zod');
  const t1 = performance.now();
  const { zodSchemaFor } = await import('../src/standard/zod.js');
  const t2 = performance.now();
  for (const id of ids) zodSchemaFor(id).safeParse({ type: id });
  const t3 = performance.now();
  const ajv = new Ajv2020();
  for (const id of ids) ajv.compile(JSON.parse(readFileSync(new URL(`../schemas/${id}.schema.json`, import.meta.url), 'utf8')));
  const t4 = performance.now();
  process.stdout.write(JSON.stringify({ zodImport: t1 - t0, zodModule: t2 - t1, zodBuildAll: t3 - t2, ajvCompileAll: t4 - t3 }));
}

function measureLoad(): void {
  const samples: Record<string, number>[] = [];
  for (let i = 0; i < 7; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', here, '--load'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    samples.push(JSON.parse(run.stdout) as Record<string, number>);
  }
  // The same import in plain Node, without the TypeScript loader's overhead.
  const plain: number[] = [];
  for (let i = 0; i < 7; i++) {
    const script = "const t = performance.now(); await import('zod'); process.stdout.write(String(performance.now() - t));";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    plain.push(Number(run.stdout));
  }
  console.log(`Plain Node, import zod, median of 7: ${median(plain).toFixed(1)} ms`);
  console.log('Fresh process under tsx, median of 7 (ms):');
  for (const key of Object.keys(samples[0]!)) console.log(`  ${key.padEnd(14)} ${median(samples.map((s) => s[key]!)).toFixed(1)}`);
}

async function measureValidation(): Promise<void> {
  const { zodSchemaFor } = await import('../src/standard/zod.js');
  const ajv = new Ajv2020();
  console.log('\nPer-message validation of generated messages (µs, median of 5 rounds; maxRepeat 3):');
  console.log('  message   zod     ajv    zod/ajv');
  const ratios: number[] = [];
  for (const id of ids) {
    const messages = generateMessages(id, { count: 300, seed: 1 });
    const zod = zodSchemaFor(id);
    const json = ajv.compile(JSON.parse(readFileSync(new URL(`../schemas/${id}.schema.json`, import.meta.url), 'utf8')));
    const time = (validate: (m: unknown) => boolean): number => {
      const rounds: number[] = [];
      for (let round = 0; round < 6; round++) {
        const t0 = performance.now();
        for (let rep = 0; rep < 10; rep++) for (const m of messages) if (!validate(m)) throw new Error(`${id} rejected`);
        rounds.push(((performance.now() - t0) * 1000) / (messages.length * 10));
      }
      return median(rounds.slice(1)); // the first round warms up
    };
    const zodTime = time((m) => zod.safeParse(m).success);
    const ajvTime = time((m) => json(m));
    ratios.push(zodTime / ajvTime);
    console.log(`  ${id}    ${zodTime.toFixed(2).padStart(6)}  ${ajvTime.toFixed(2).padStart(6)}  ${(zodTime / ajvTime).toFixed(1).padStart(5)}×`);
  }
  console.log(`  median ratio zod/ajv: ${median(ratios).toFixed(1)}×`);
}

if (process.argv.includes('--load')) {
  await loadOnce();
} else {
  measureLoad();
  await measureValidation();
}
