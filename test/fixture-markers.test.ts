import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAtCursor, parseMarkers } from './helpers/fixture';

test('markers: a | line puts the cursor, a ^^^ line marks a range, both under the line they point into; pipes in text stay', () => {
  const marked = parseMarkers(`| Compound | Ki (nM) |
|---|---|
| amitriptyline | 3.45 |
                  ^^^^
Amitriptyline binds SERT.
      |`);
  assert.equal(marked.text, '| Compound | Ki (nM) |\n|---|---|\n| amitriptyline | 3.45 |\nAmitriptyline binds SERT.');
  assert.deepEqual(marked.ranges.map((range) => marked.text.slice(range.start, range.end)), ['3.45']);
  assert.equal(marked.text.slice(marked.cursor!, marked.cursor! + 5), 'ptyli');
  assert.throws(() => parseMarkers('short\n          ^^'), /past the end of the line above/);
});

test('a hover at the cursor marker', () => {
  assert.match(hoverAtCursor(`Amitriptyline binds SERT.
                    |`), /^\*\*SERT\*\*/);
});
