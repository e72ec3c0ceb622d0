#!/usr/bin/env node
// The `iwmo` executable.
import { runCli } from './program.js';

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`iwmo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
