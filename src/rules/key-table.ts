/**
 * A map from string keys to numbers for the keys that rules carry across all
 * Clients of a declaratie (ReferentieNummers, Bsns). The keys' characters
 * live one byte each in fixed 64 kB pages and the slots in typed arrays, so a
 * 100 MB declaratie's hundred thousand keys cost a few megabytes outside the
 * garbage-collected heap instead of a hundred thousand strings and map
 * entries inside it (which the collector would also let the heap grow
 * around). Pages are never reallocated: growing leaves no copies behind for
 * the collector to find late. The rare key with a character above U+00FF,
 * or longer than a page allows, goes to a plain Map beside it.
 */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
/** Longest key kept in the pages (its length must fit a byte). */
const MAX_PAGED_LENGTH = 255;

export class KeyTable {
  private readonly pages: Uint8Array[] = [new Uint8Array(PAGE_SIZE)];
  /** Free position in the last page. */
  private used = 0;
  /** Per slot: key position + 1 (page << 16 | offset; 0 = empty), key length, the key's hash, value. */
  private positions = new Int32Array(1 << 12);
  private lengths = new Uint8Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private values = new Float64Array(1 << 12);
  private count = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.count + this.others.size;
  }

  /**
   * FNV-1a of the key, or -1 when it does not go in the pages (a character
   * above U+00FF, or too long): one pass for both. A hash of -1 is made 0.
   */
  private static pagedHash(key: string): number {
    if (key.length > MAX_PAGED_LENGTH) return -1;
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c > 0xff) return -1;
      h = Math.imul(h ^ c, 0x01000193);
    }
    // As an int32, the way the hashes array keeps it (the empty key's hash is the offset itself, above 2³¹).
    h |= 0;
    return h === -1 ? 0 : h;
  }

  private matches(slot: number, key: string): boolean {
    if (this.lengths[slot] !== key.length) return false;
    const position = this.positions[slot]! - 1;
    const page = this.pages[position >>> PAGE_BITS]!;
    const at = position & (PAGE_SIZE - 1);
    for (let i = 0; i < key.length; i++) if (page[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** The slot holding `key` (hash `hash`), or the empty slot where it would go. Keys are compared only when their hashes are equal. */
  private find(key: string, hash: number): number {
    const mask = this.positions.length - 1;
    let slot = hash & mask;
    while (this.positions[slot] !== 0 && (this.hashes[slot] !== hash || !this.matches(slot, key))) slot = (slot + 1) & mask;
    return slot;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const hash = KeyTable.pagedHash(key);
    if (hash === -1) return this.others.get(key);
    const slot = this.find(key, hash);
    return this.positions[slot] === 0 ? undefined : this.values[slot];
  }

  /** Stores `value` for `key` unless the key is there already; returns the value that was there, or undefined. */
  setFirst(key: string, value: number): number | undefined {
    const hash = KeyTable.pagedHash(key);
    if (hash === -1) {
      const known = this.others.get(key);
      if (known === undefined) this.others.set(key, value);
      return known;
    }
    let slot = this.find(key, hash);
    if (this.positions[slot] !== 0) return this.values[slot];
    if ((this.count + 1) * 2 > this.positions.length) {
      this.grow();
      slot = this.find(key, hash);
    }
    if (this.used + key.length > PAGE_SIZE) {
      this.pages.push(new Uint8Array(PAGE_SIZE));
      this.used = 0;
    }
    const page = this.pages[this.pages.length - 1]!;
    for (let i = 0; i < key.length; i++) page[this.used + i] = key.charCodeAt(i);
    this.positions[slot] = (((this.pages.length - 1) << PAGE_BITS) | this.used) + 1;
    this.lengths[slot] = key.length;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.used += key.length;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const { positions, lengths, hashes, values } = this;
    this.positions = new Int32Array(positions.length * 2);
    this.lengths = new Uint8Array(positions.length * 2);
    this.hashes = new Int32Array(positions.length * 2);
    this.values = new Float64Array(positions.length * 2);
    const mask = this.positions.length - 1;
    for (let old = 0; old < positions.length; old++) {
      if (positions[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (this.positions[slot] !== 0) slot = (slot + 1) & mask;
      this.positions[slot] = positions[old]!;
      this.lengths[slot] = lengths[old]!;
      this.hashes[slot] = hashes[old]!;
      this.values[slot] = values[old]!;
    }
  }
}
