/**
 * Memoizes a "next occurrence at or after `from`" search. A scanner that moves forward asks again and again for
 * the same closer (`-->`, `$$`, `\end{verbatim}` …); once a search from `p` answered `q` (or "none"), every question
 * from [p, q] has the same answer, so unclosed openers cost one pass in total instead of one pass each.
 */
export class ForwardFinder {
  private lastFrom = Number.POSITIVE_INFINITY;
  private lastResult = -1;

  constructor(private readonly search: (from: number) => number) {}

  find(from: number): number {
    if (from >= this.lastFrom && (this.lastResult === -1 || from <= this.lastResult)) return this.lastResult;
    const result = this.search(from);
    this.lastFrom = from;
    this.lastResult = result;
    return result;
  }
}

export function substringFinder(text: string, needle: string): ForwardFinder {
  return new ForwardFinder((from) => text.indexOf(needle, from));
}
