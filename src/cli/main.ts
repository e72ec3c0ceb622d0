#!/usr/bin/env node
// The `iwmo` executable.
import * as nodeModule from 'node:module';

// Node 22.1 and later keep the compiled code of the modules loaded below on disk, so later runs start faster; Node 20 has no such cache and starts as before.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// Imported after the cache is on: static imports would be compiled before it.
const { runCli } = await import('./program.js');

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`iwmo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
