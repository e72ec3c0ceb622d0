/**
 * The iJw twin of a rule case's message: written as iWmo XML, turned into the
 * iJw message by the spec's tables (scripts/lib/twin.ts) and read back. So a
 * twin is what a care provider's iJw system would send for the same case.
 */
import { jwTwinCategorie, jwTwinOf } from '../../scripts/lib/twin.js';
import { decode, encode, type Context, type JwMessage, type Message } from '../../src/index.js';

export function jwTwin(message: Message): JwMessage {
  const result = decode(jwTwinOf(encode(message)));
  if (!result.value) throw new Error(`the iJw twin of a ${message.type} does not decode: ${result.findings.map((f) => `${f.path}: ${f.message.en}`).join('; ')}`);
  return result.value as JwMessage;
}

/** Changes an iJw message in place (for the iJw-only elements). */
export function editJw<M extends JwMessage>(message: M, change: (m: M) => void): M {
  const copy = structuredClone(message);
  change(copy);
  return copy;
}

/** The level-4 lists for iJw twins: the same entries with their categories twinned (product codes stay as they are, as in the twin's XML). */
export function jwTwinContext(context: Context): Context {
  const product = <P extends { categorie: string; code: string }>(p: P): P => ({ ...p, categorie: jwTwinCategorie(p.categorie) });
  return {
    ...context,
    ...(context.productCodes
      ? { productCodes: { ...context.productCodes, perGemeente: Object.fromEntries(Object.entries(context.productCodes.perGemeente).map(([g, list]) => [g, list.map(product)])) } }
      : {}),
    ...(context.tariffs ? { tariffs: { ...context.tariffs, tariffs: context.tariffs.tariffs.map(product) } } : {}),
  };
}
