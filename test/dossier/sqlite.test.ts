import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDossierStore } from '../../src/node/sqlite-store.js';
import { migrations } from '../../src/node/migrations.js';
import { scenarioSuite } from './scenario-suite.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('sqlite');
let n = 0;

scenarioSuite('the SQLite store', async () => new SqliteDossierStore(join(dir, `d${++n}.db`)));

describe('the SQLite store on open', () => {
  it('runs the migrations once and records the schema version', async () => {
    const file = join(dir, 'migrate.db');
    const first = new SqliteDossierStore(file);
    expect(first.schemaVersion()).toBe(migrations.at(-1)!.version);
    await first.close();
    const again = new SqliteDossierStore(file);
    expect(again.schemaVersion()).toBe(migrations.at(-1)!.version);
    await again.close();
  });
});
