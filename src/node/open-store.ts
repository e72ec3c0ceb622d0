// A dossier store from a `<db>` argument: a postgres:// URL or a SQLite file path.
import type { DossierStore } from '../dossier/store.js';
import { PostgresDossierStore } from './postgres-store.js';
import { SqliteDossierStore } from './sqlite-store.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openStore(db: string): Promise<DossierStore> {
  return isPostgresUrl(db) ? PostgresDossierStore.open(db) : new SqliteDossierStore(db);
}
