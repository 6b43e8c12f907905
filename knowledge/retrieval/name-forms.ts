/**
 * The names under which each item or theme is known (its name and each alias), each as three token
 * forms: how it is written (bigrams and characters), how it sounds (pinyin bigrams, trusted a little
 * less) and with one character skipped (skip bigrams and characters, trusted less again). Name
 * coverage, the ranker's strongest signal, is read from them for every candidate of every question,
 * so they are laid out once per index build: tokens are numbered, and each key's forms are runs of
 * token numbers with their IDF weights in typed arrays. A question marks its tokens once
 * (`withQuery`); covering a candidate then reads numbers, and hashes no strings.
 */
import { tokenize, type TokenFamily } from './tokenize.ts';

const FORMS: ReadonlyArray<{ families: TokenFamily[]; trust: number }> = [
  { families: ['b', 'c'], trust: 1 },
  { families: ['p'], trust: 0.85 },
  { families: ['s', 'c'], trust: 0.75 },
];

/** Weight of a single character against a bigram, in a name's coverage weight. */
const CHARACTER_WEIGHT = 0.3;

/** The forms of one key: form `f` holds tokens `starts[f]` … `starts[f + 1] - 1`. */
interface KeyForms {
  tokens: Int32Array;
  weights: Float64Array;
  starts: Int32Array;
  trusts: Float64Array;
  /** Σ of each form's weights, summed in token order. */
  totals: Float64Array;
}

/** The marks a question leaves on the numbered tokens. */
const OWN = 1;
const LITERAL = 2;

export interface NameCoverage {
  /** IDF-weighted share of the best-covered form whose tokens are among the question's `own`. */
  own: number;
  /** The same for the question's literal tokens. */
  literal: number;
}

/** Reads name coverage and name tokens of one question (valid inside `withQuery` only). */
export interface QueryNames {
  coverage(key: string): NameCoverage;
  /** The numbers of the key's form tokens that are among the question's `own` tokens. */
  ownTokens(key: string): Set<number>;
  /** Whether a bigram of a name of the key is among the question's literal tokens. */
  literalBigram(key: string): boolean;
}

export class NameForms {
  private readonly numbers = new Map<string, number>();
  private readonly bigram: boolean[] = [];
  private readonly keys = new Map<string, KeyForms>();
  /** Per token number: which of the current question's token sets hold it. */
  private marks = new Uint8Array(0);

  /** Adds the forms of a key (`item:<id>`, `theme:<id>`); weights come later, from `weigh`. */
  add(key: string, names: string[]): void {
    const tokens: number[] = [];
    const starts: number[] = [];
    const trusts: number[] = [];
    for (const name of names) {
      for (const { families, trust } of FORMS) {
        const form = new Set(tokenize(name, families));
        if (!form.size) continue;
        starts.push(tokens.length);
        trusts.push(trust);
        for (const token of form) tokens.push(this.number(token));
      }
    }
    starts.push(tokens.length);
    this.keys.set(key, {
      tokens: Int32Array.from(tokens),
      weights: new Float64Array(tokens.length),
      starts: Int32Array.from(starts),
      trusts: Float64Array.from(trusts),
      totals: new Float64Array(trusts.length),
    });
  }

  /** Weighs the tokens of the keys of one kind (`item:`, `theme:`) by IDF, once that index is complete. */
  weigh(prefix: string, idf: (token: string) => number): void {
    const names = [...this.numbers.keys()];
    for (const [key, forms] of this.keys) {
      if (!key.startsWith(prefix)) continue;
      for (let form = 0; form + 1 < forms.starts.length; form += 1) {
        let total = 0;
        for (let position = forms.starts[form]; position < forms.starts[form + 1]; position += 1) {
          const token = names[forms.tokens[position]];
          const weight = idf(token) * (token.startsWith('c:') ? CHARACTER_WEIGHT : 1);
          forms.weights[position] = weight;
          total += weight;
        }
        forms.totals[form] = total;
      }
    }
  }

  /**
   * Runs `use` with the question's tokens marked; the marks are cleared afterwards, so a reader must
   * not outlive the call (nothing in it awaits).
   */
  withQuery<T>(own: ReadonlySet<string>, literal: ReadonlySet<string>, use: (names: QueryNames) => T): T {
    if (this.marks.length < this.numbers.size) this.marks = new Uint8Array(this.numbers.size);
    const marked: number[] = [];
    const mark = (tokens: ReadonlySet<string>, bit: number) => {
      for (const token of tokens) {
        const number = this.numbers.get(token);
        if (number === undefined) continue;
        if (!this.marks[number]) marked.push(number);
        this.marks[number] |= bit;
      }
    };
    mark(own, OWN);
    mark(literal, LITERAL);
    try {
      return use({
        coverage: (key) => this.coverage(key),
        ownTokens: (key) => this.tokensMarked(key, OWN),
        literalBigram: (key) => this.literalBigram(key),
      });
    } finally {
      for (const number of marked) this.marks[number] = 0;
    }
  }

  private coverage(key: string): NameCoverage {
    const forms = this.keys.get(key);
    let own = 0;
    let literal = 0;
    if (!forms) return { own, literal };
    const { tokens, weights, starts, trusts, totals } = forms;
    for (let form = 0; form + 1 < starts.length; form += 1) {
      const total = totals[form];
      if (total <= 0) continue;
      let coveredOwn = 0;
      let coveredLiteral = 0;
      for (let position = starts[form]; position < starts[form + 1]; position += 1) {
        const mark = this.marks[tokens[position]];
        if (mark & OWN) coveredOwn += weights[position];
        if (mark & LITERAL) coveredLiteral += weights[position];
      }
      own = Math.max(own, (trusts[form] * coveredOwn) / total);
      literal = Math.max(literal, (trusts[form] * coveredLiteral) / total);
    }
    return { own, literal };
  }

  private tokensMarked(key: string, bit: number): Set<number> {
    const found = new Set<number>();
    const forms = this.keys.get(key);
    if (forms) for (const token of forms.tokens) if (this.marks[token] & bit) found.add(token);
    return found;
  }

  private literalBigram(key: string): boolean {
    const forms = this.keys.get(key);
    if (!forms) return false;
    for (const token of forms.tokens) if (this.bigram[token] && this.marks[token] & LITERAL) return true;
    return false;
  }

  private number(token: string): number {
    let number = this.numbers.get(token);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(token, number);
      this.bigram.push(token.startsWith('b:') || token.startsWith('w:'));
    }
    return number;
  }
}
