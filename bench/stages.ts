/**
 * Where the whole-process time of `iwmo validate` goes, one stage more per
 * mode, each in a fresh process: bench/ratios.ts bundles this file (with the
 * parts of the library it reaches, so every mode loads the same code) and
 * runs `node artifacts/bench/stages.mjs <mode> <file>`. Every mode reads the
 * file in chunks of 1 MB, as `iwmo validate` does; the difference between
 * two modes is what the later stage costs.
 *
 * Modes:
 * - read: start Node, load the code, read the chunks, nothing else;
 * - tokenize: the byte tokenizer over the chunks, with events that do nothing
 *   (no typed model, no checks);
 * - level-1: streamed validation with a profile without rules: the typed model
 *   per Client and every XSD check, no level-2 rule;
 * - levels-1-2: streamed validation with the national profile, as `iwmo validate`;
 * - levels-1-2-warm: levels-1-2 four times in one process; prints the wall
 *   time of the fourth run in ms (the code compiled by then).
 *
 * Exits 0 when the stage ran to the end on the streaming path and, from
 * level-1 on, accepted the message.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ByteXmlReader } from '../src/xml/byte-reader.js';
import { startValidation } from '../src/validate-stream.js';
import { defineProfile, nationalProfile, type Profile } from '../src/rules/index.js';

const CHUNK = 1 << 20;
const [mode = '', file = ''] = process.argv.slice(2);

function eachChunk(take: (chunk: Uint8Array) => void): void {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const chunk = new Uint8Array(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      take(n < CHUNK ? chunk.subarray(0, n) : chunk);
    }
  } finally {
    closeSync(fd);
  }
}

const noRules = defineProfile({ name: 'level 1 only', disable: nationalProfile.rules.map((rule) => rule.id) });

function validated(profile: Profile): boolean {
  // No size cap here: the chunks go straight to the streaming path, as `iwmo validate --max-size` lets them.
  const validation = startValidation({ profile });
  let going = true;
  eachChunk((chunk) => {
    if (going) going = validation.write(chunk);
  });
  return validation.end()?.accepted === true;
}

function run(): boolean {
  switch (mode) {
    case 'read': {
      let bytes = 0;
      eachChunk((chunk) => (bytes += chunk.length));
      return bytes > 0;
    }
    case 'tokenize': {
      let elements = 0;
      const reader = new ByteXmlReader({ position() {}, open: () => void elements++, text() {}, close() {} });
      let going = true;
      eachChunk((chunk) => {
        if (going) going = reader.write(chunk);
      });
      return reader.end() !== undefined && elements > 0;
    }
    case 'level-1':
      return validated(noRules);
    case 'levels-1-2':
      return validated(nationalProfile);
    case 'levels-1-2-warm': {
      let ms = 0;
      let ok = true;
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        ok &&= validated(nationalProfile);
        ms = performance.now() - start;
      }
      console.log(ms.toFixed(1));
      return ok;
    }
    default:
      console.error(`stages: unknown mode ${mode}`);
      return false;
  }
}

process.exitCode = run() ? 0 : 1;
