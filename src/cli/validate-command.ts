/**
 * `iwmo validate`: every file through the same validate as the library; in
 * worker threads when a folder brings many files, with a progress bar on a
 * terminal, and a summary at the end. Loaded only when the command runs.
 */
import { availableParallelism } from 'node:os';
import { reportJson, type ReportJson } from '../http/report-json.js';
import { collectXmlFiles, describeIoError, STDIN_PATH, stdinSource } from './files.js';
import { formatFileReport, formatSummary, type FileResult } from './text-report.js';
import { validateFile } from '../node/validate-file.js';
import { DEFAULT_MAX_BYTES } from '../xml/reader.js';
import { collectOldGenerationSooner, keepYoungGenerationSmall } from '../node/heap.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

/** From this many files on, validation is spread over worker threads (start-up costs ~100 ms per thread). */
const PARALLEL_FROM = 8;

export interface ValidateCommandOptions {
  readonly format: 'text' | 'json';
  readonly allLevels: boolean;
  /** Worker threads; one per core by default, 0 or 1 validates on the main thread. */
  readonly workers?: number;
  /** Largest accepted file in bytes; 25 MB (OP179) by default, raised for batch use. */
  readonly maxSize?: number;
}

// Still importable from here; command definitions import them from exit-codes.js so they load no validation code.
export { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE };

export async function validateCommand(paths: readonly string[], options: ValidateCommandOptions): Promise<number> {
  // This process is ours: its heap is sized for streamed validation (node/heap.ts).
  keepYoungGenerationSmall();
  collectOldGenerationSooner();
  const { files, problems } = await collectXmlFiles(paths);
  for (const problem of problems) process.stderr.write(`iwmo: ${problem}\n`);
  if (problems.length > 0) return EXIT_USAGE;
  if (files.length === 0) {
    process.stderr.write('iwmo: no .xml files found\n');
    return EXIT_USAGE;
  }

  const showProgress = options.format === 'text' && files.length > 1 && !!process.stdout.isTTY && !!process.stderr.isTTY;
  // The progress bar is loaded only when it is shown: a single file starts faster without it.
  const { SingleBar } = showProgress ? await import('cli-progress') : { SingleBar: undefined };
  const bar = SingleBar ? new SingleBar({ stream: process.stderr, format: 'validating [{bar}] {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true }) : undefined;
  bar?.start(files.length, 0);

  const reports: (ReportJson | undefined)[] = new Array(files.length);
  const ioErrors: string[] = [];
  const done = (): void => bar?.increment();
  const workers = Math.min(options.workers ?? availableParallelism(), files.length);
  try {
    // Standard input can only be read here: with it, every file is validated on this thread.
    if (files.length >= PARALLEL_FROM && workers > 1 && !files.includes(STDIN_PATH)) await validateInWorkers(files, options, workers, reports, ioErrors, done);
    else await validateHere(files, options, reports, ioErrors, done);
  } finally {
    bar?.stop();
  }

  const results: FileResult[] = [];
  files.forEach((file, i) => {
    const report = reports[i];
    if (report) results.push({ file, report });
  });
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(results.map(({ file, report }) => ({ file, ...report })), null, 2) + '\n');
  } else {
    for (const { file, report } of results) process.stdout.write(formatFileReport(file, report) + '\n');
    if (results.length > 1) process.stdout.write('\n' + formatSummary(results) + '\n');
  }
  for (const error of ioErrors) process.stderr.write(`iwmo: ${error}\n`);

  if (ioErrors.length > 0) return EXIT_USAGE;
  return results.every((r) => r.report.accepted) ? EXIT_ACCEPTED : EXIT_REJECTED;
}

async function validateHere(files: readonly string[], options: ValidateCommandOptions, reports: (ReportJson | undefined)[], ioErrors: string[], done: () => void): Promise<void> {
  for (const [i, file] of files.entries()) {
    try {
      // Only `--workers 2` or more splits a large declaratie over two threads.
      const parts = options.workers === undefined ? {} : { parts: options.workers > 1 };
      const limits = options.maxSize !== undefined ? { maxBytes: options.maxSize } : {};
      const report =
        file === STDIN_PATH
          ? await (await import('../validate-chunks.js')).validateChunks(stdinSource(options.maxSize ?? DEFAULT_MAX_BYTES), { allLevels: options.allLevels, ...limits })
          : await validateFile(file, { allLevels: options.allLevels, ...parts, ...limits });
      reports[i] = reportJson(report);
    } catch (error) {
      ioErrors.push(`${file}: ${describeIoError(error)}`);
    }
    done();
  }
}

async function validateInWorkers(
  files: readonly string[],
  options: ValidateCommandOptions,
  workers: number,
  reports: (ReportJson | undefined)[],
  ioErrors: string[],
  done: () => void,
): Promise<void> {
  const { WorkerPool } = await import('../http/worker-pool.js');
  const pool = new WorkerPool(workers);
  try {
    await Promise.all(
      files.map(async (file, i) => {
        const outcome = await pool.run({ operation: 'validate', file, allLevels: options.allLevels, ...(options.maxSize !== undefined ? { maxBytes: options.maxSize } : {}) });
        if (outcome.ok) reports[i] = outcome.result.report;
        else ioErrors.push(`${file}: ${describeIoError(outcome.error)}`);
        done();
      }),
    );
  } finally {
    await pool.close();
  }
}
