/** A growable list of 32-bit integers in a typed array: offsets kept off the garbage-collected heap. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(initialCapacity = 64) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}
