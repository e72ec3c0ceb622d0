/**
 * A map from string keys to numbers for the keys that rules carry across all
 * Clients of a declaratie (ReferentieNummers, Bsns). The keys' characters
 * live in one growing Uint16Array and the slots in typed arrays, so a 100 MB
 * declaratie's hundred thousand keys cost a few megabytes outside the
 * garbage-collected heap instead of a hundred thousand strings and map
 * entries inside it (which the collector would also let the heap grow around).
 */
export class KeyTable {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per slot: key offset + 1 (0 = empty), key length, value. */
  private offsets = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private values = new Float64Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private static hash(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  private matches(slot: number, key: string): boolean {
    if (this.lengths[slot] !== key.length) return false;
    const at = this.offsets[slot]! - 1;
    for (let i = 0; i < key.length; i++) if (this.chars[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: string): number {
    const mask = this.offsets.length - 1;
    let slot = KeyTable.hash(key) & mask;
    while (this.offsets[slot] !== 0 && !this.matches(slot, key)) slot = (slot + 1) & mask;
    return slot;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const slot = this.find(key);
    return this.offsets[slot] === 0 ? undefined : this.values[slot];
  }

  /** Stores `value` for `key` unless the key is there already; returns the value that was there, or undefined. */
  setFirst(key: string, value: number): number | undefined {
    let slot = this.find(key);
    if (this.offsets[slot] !== 0) return this.values[slot];
    if ((this.count + 1) * 2 > this.offsets.length) {
      this.grow();
      slot = this.find(key);
    }
    if (this.used + key.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + key.length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.offsets[slot] = this.used + 1;
    this.lengths[slot] = key.length;
    this.values[slot] = value;
    this.used += key.length;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const { offsets, lengths, values } = this;
    this.offsets = new Int32Array(offsets.length * 2);
    this.lengths = new Int32Array(offsets.length * 2);
    this.values = new Float64Array(offsets.length * 2);
    const mask = this.offsets.length - 1;
    for (let old = 0; old < offsets.length; old++) {
      if (offsets[old] === 0) continue;
      const at = offsets[old]! - 1;
      let h = 0x811c9dc5;
      for (let i = 0; i < lengths[old]!; i++) h = Math.imul(h ^ this.chars[at + i]!, 0x01000193);
      let slot = (h >>> 0) & mask;
      while (this.offsets[slot] !== 0) slot = (slot + 1) & mask;
      this.offsets[slot] = offsets[old]!;
      this.lengths[slot] = lengths[old]!;
      this.values[slot] = values[old]!;
    }
  }
}
