/**
 * The external lists of level 4 from a JSON file: `{ gemeenten?, productCodes?,
 * tariffs? }`, each list with the date it was drawn up and its source. The
 * system date is the machine's, read afresh for every message.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Context } from '../sources/context.js';
import { dateOf } from '../retour/identificatie.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The lists of a Context as a schema; checked against the Context type, so the two cannot drift apart. */
const listsSchema = z.strictObject({
  gemeenten: z.optional(z.strictObject({ date, source: z.string(), gemeenten: z.array(z.strictObject({ code: z.string().regex(/^\d{4}$/), naam: z.string(), begindatum: date, einddatum: z.optional(date) })) })),
  productCodes: z.optional(z.strictObject({ date, source: z.string(), perGemeente: z.record(z.string(), z.array(z.strictObject({ categorie: z.string(), code: z.string() }))) })),
  tariffs: z.optional(
    z.strictObject({
      date,
      source: z.string(),
      tariffs: z.array(
        z.strictObject({
          gemeente: z.string(),
          aanbieder: z.optional(z.string()),
          categorie: z.string(),
          code: z.string(),
          eenheid: z.string(),
          tarief: z.int().nonnegative(),
          begindatum: date,
          einddatum: z.optional(date),
        }),
      ),
    }),
  ),
});

type Lists = Omit<Context, 'today'>;
// Compile-time check: what the schema accepts is a Context's lists.
const _fits: (parsed: z.infer<typeof listsSchema>) => Lists = (parsed) => parsed;

/** The Context maker for a lists file (or none): the system date per call, the lists read once. Throws with the file's problems. */
export async function loadSources(file: string | undefined): Promise<() => Context> {
  let lists: Lists = {};
  if (file !== undefined) {
    const parsed = listsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    lists = _fits(parsed.data);
  }
  return () => ({ today: dateOf(new Date()), ...lists });
}
