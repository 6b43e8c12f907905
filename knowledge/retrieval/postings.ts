/**
 * The postings of one token in a BM25F index: the numbers of the documents that hold it, ascending,
 * and its term frequency in each field of each of them. Kept in typed arrays that grow as documents
 * are appended: a 10,000-item catalog has over a million postings with eight fields each, which as
 * arrays of JavaScript numbers took eight bytes a frequency. Frequencies take two bytes while every
 * one of them fits (a token written more than 65,535 times in one field moves its list to four).
 */
export class Postings {
  /** How many documents hold the token (the arrays may be longer). */
  length = 0;
  documents = new Int32Array(1);
  /** `fieldCount` frequencies per document, in document order. */
  frequencies: Uint16Array | Uint32Array;
  readonly fieldCount: number;
  /** Σ over fields of weight·tf / length-norm, per document; valid for `version` (see Bm25fIndex). */
  pseudo?: Float64Array;
  version?: number;

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.frequencies = new Uint16Array(fieldCount);
  }

  /** Appends a document (numbered above every document already held) with its field frequencies. */
  append(document: number, frequencies: readonly number[]): void {
    if (this.length === this.documents.length) this.grow(this.length * 2);
    const offset = this.length * this.fieldCount;
    for (let field = 0; field < this.fieldCount; field += 1) {
      const frequency = frequencies[field];
      if (frequency > 0xffff && this.frequencies instanceof Uint16Array) {
        this.frequencies = Uint32Array.from(this.frequencies);
      }
      this.frequencies[offset + field] = frequency;
    }
    this.documents[this.length] = document;
    this.length += 1;
  }

  /** The frequency of the token in one field of the document at `position`. */
  frequency(position: number, field: number): number {
    return this.frequencies[position * this.fieldCount + field];
  }

  /** The position of a document in the list, or -1. */
  find(document: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.documents[middle];
      if (value === document) return middle;
      if (value < document) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Gives back the room kept for documents not appended (when the index is searched). */
  trim(): void {
    if (this.documents.length > this.length) this.grow(this.length);
  }

  private grow(capacity: number): void {
    const documents = new Int32Array(Math.max(1, capacity));
    documents.set(this.documents.subarray(0, this.length));
    this.documents = documents;
    const Frequencies = this.frequencies instanceof Uint16Array ? Uint16Array : Uint32Array;
    const frequencies = new Frequencies(Math.max(1, capacity) * this.fieldCount);
    frequencies.set(this.frequencies.subarray(0, this.length * this.fieldCount));
    this.frequencies = frequencies;
  }
}
