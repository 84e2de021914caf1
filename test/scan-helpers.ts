import assert from 'node:assert/strict';
import type { ScannedDocument, SkipReason, Span } from '../server/src/service/scan/types';

/** The span of the `occurrence`-th `needle` in `text` (0-based), shifted by `offset` and `length`. */
export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `fixture lacks occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  return { start, end: start + needle.length };
}

export function skippedTexts(document: ScannedDocument, reason?: SkipReason): string[] {
  return document.skipped.filter((span) => !reason || span.reason === reason).map((span) => document.text.slice(span.start, span.end));
}

export function mathTexts(document: ScannedDocument): string[] {
  return document.math.map((span) => document.text.slice(span.start, span.end));
}

export function plainSpans(spans: readonly Span[]): Span[] {
  return spans.map(({ start, end }) => ({ start, end }));
}

function assertInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: ${span.start}..${span.end} within 0..${length}`);
}

/** The invariants every scan result must satisfy, whatever the input. */
export function assertWellFormed(document: ScannedDocument): void {
  const { text, masked } = document;
  assert.equal(masked.length, text.length, 'masked has the length of text');
  const skippedAt = new Uint8Array(text.length);
  let previousStart = -1;
  for (const span of document.skipped) {
    assertInside(span, text.length, `skipped ${span.reason}`);
    assert.ok(span.end > span.start, 'skipped spans are not empty');
    assert.ok(span.start >= previousStart, 'skipped spans are sorted');
    previousStart = span.start;
    skippedAt.fill(1, span.start, span.end);
  }
  for (let i = 0; i < text.length; i++) {
    const original = text.charCodeAt(i);
    const code = masked.charCodeAt(i);
    if (original === 10 || original === 13) assert.equal(code, original, `line break kept at ${i}`);
    else if (skippedAt[i]) assert.equal(code, 32, `skipped character blanked at ${i}`);
    else assert.equal(code, original, `prose character kept at ${i}`);
  }
  for (const span of document.math) assertInside(span, text.length, 'math');
  for (const citation of document.citations) {
    assertInside(citation, text.length, 'citation');
    for (const key of citation.keys) {
      assertInside(key, text.length, 'citation key');
      assert.ok(key.start >= citation.start && key.end <= citation.end, 'key inside its citation');
      assert.equal(text.slice(key.start, key.end), key.key, 'key text matches its span');
    }
  }
  for (const table of document.tables) {
    assertInside(table, text.length, 'table');
    for (const row of table.rows)
      for (const cell of row) {
        assertInside(cell, text.length, 'cell');
        assert.ok(cell.start >= table.start && cell.end <= table.end, 'cell inside its table');
      }
    if (table.caption) assertInside(table.caption, text.length, 'caption');
  }
  for (const declaration of document.bibliographies) assertInside(declaration, text.length, 'bibliography');
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random text over an alphabet dense in the characters the scanners react to, plus binary junk. */
export function junk(seed: number, length: number, alphabet: string): string {
  const next = random(seed);
  const pieces: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (roll < 0.05) pieces.push(String.fromCharCode(Math.floor(next() * 0x10000)));
    else if (roll < 0.07) pieces.push('\0');
    else if (roll < 0.09) pieces.push(next() < 0.5 ? '\ud800' : '\udc00');
    else pieces.push(alphabet[Math.floor(next() * alphabet.length)]!);
  }
  return pieces.join('');
}

export function timeIt(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
