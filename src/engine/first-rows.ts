// The row where each key of a run-wide rule was first seen: a national roster tallies a million of
// them (every person's ID number, every village's code). A Map would do, but finding that a new key
// is not in it compares the key with others stored far apart in memory; this table keeps each key's
// hash beside its slot, and compares strings only when two hashes agree: about twice as fast here.

const EMPTY = -1;
const FIRST_CAPACITY = 1024; // a power of two
// The slots are open addressing with linear probing; kept at most half full.
const MOST_FILLED = 0.5;

export class FirstRows {
  /** Per slot: the index of its key in `keys`, or EMPTY. */
  private slots = new Int32Array(FIRST_CAPACITY).fill(EMPTY);
  /** Per slot: its key's hash. */
  private hashes = new Int32Array(FIRST_CAPACITY);
  /** The keys in the order first seen, and the rows they were first seen on. */
  private readonly keys: string[] = [];
  private readonly rows: number[] = [];

  /** The row where `key` was seen first; when it was not seen before, `row` becomes that row and the answer is undefined. */
  firstRowOrAdd(key: string, row: number): number | undefined {
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    const found = this.slots[slot]!;
    if (found !== EMPTY) return this.rows[found];
    this.slots[slot] = this.keys.length;
    this.hashes[slot] = hash;
    this.keys.push(key);
    this.rows.push(row);
    if (this.keys.length > this.slots.length * MOST_FILLED) this.grow();
    return undefined;
  }

  /** Each key with its first row, in the order first seen. */
  forEach(visit: (key: string, row: number) => void): void {
    for (let index = 0; index < this.keys.length; index++) visit(this.keys[index]!, this.rows[index]!);
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === EMPTY || (this.hashes[slot] === hash && this.keys[index] === key)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2).fill(EMPTY);
    this.hashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === EMPTY) continue;
      let slot = hashes[old]! & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash | 0;
}
