/**
 * Bearer tokens per tenant, kept only as SHA-256 hashes: from a JSON file
 * (`{ "tenants": [{ "tenant": "gemeente-0363", "tokenSha256": "…" }] }`) or
 * from the environment (`IWMO_TOKENS=tenant:sha256hex,tenant:sha256hex`).
 * A token names its tenant; a request can reach only that tenant's dossiers.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TenantToken {
  readonly tenant: string;
  /** Hex SHA-256 of the token; the token itself is never stored. */
  readonly tokenSha256: string;
}

const TENANT = /^[A-Za-z0-9._-]{1,64}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function checked(entries: readonly TenantToken[], where: string): TenantToken[] {
  for (const e of entries) {
    if (!TENANT.test(e.tenant)) throw new Error(`${where}: tenant "${e.tenant}" must be 1–64 letters, digits, '.', '_' or '-'`);
    if (!SHA256_HEX.test(e.tokenSha256)) throw new Error(`${where}: tokenSha256 of tenant ${e.tenant} must be 64 lowercase hex digits`);
  }
  return [...entries];
}

export function tokensFromFile(file: string): TenantToken[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { tenants?: TenantToken[] };
  return checked(parsed.tenants ?? [], file);
}

export function tokensFromEnv(value: string | undefined): TenantToken[] {
  if (!value) return [];
  return checked(
    value.split(',').filter(Boolean).map((pair) => {
      const [tenant = '', tokenSha256 = ''] = pair.trim().split(':');
      return { tenant, tokenSha256: tokenSha256.toLowerCase() };
    }),
    'IWMO_TOKENS',
  );
}

/** The tenant of an `Authorization: Bearer …` header, or undefined. Compares hashes in constant time. */
export function tenantOf(authorization: string | undefined, tokens: readonly TenantToken[]): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const presented = Buffer.from(hashToken(match[1]!), 'hex');
  let found: string | undefined;
  for (const t of tokens) {
    if (timingSafeEqual(presented, Buffer.from(t.tokenSha256, 'hex'))) found ??= t.tenant;
  }
  return found;
}
