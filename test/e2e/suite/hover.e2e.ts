/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { hoverOnceAnswered, openInEditor, positionOfWord } from './helpers';

const MANUSCRIPTS = [
  'examples/amitriptyline-review.md',
  'examples/amitriptyline-review.tex',
  'test/e2e/fixture/review.md',
  'test/e2e/fixture/review.tex',
];

const SERT_ROW = /^\|\s*(\*\*)?SERT(\*\*)?\s*\|/m;

function where(document: vscode.TextDocument, position: vscode.Position): string {
  return `${document.uri.fsPath}:${position.line + 1}:${position.character + 1}`;
}

function excerpt(text: string): string {
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text || '(no hover)';
}

for (const manuscript of MANUSCRIPTS) {
  suite(`PharmaLens hover in ${manuscript}`, () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      document = await openInEditor(manuscript);
    });

    test('amitriptyline shows the compound card with a SERT affinity row', async () => {
      const position = positionOfWord(document, 'amitriptyline', 'i');
      const text = await hoverOnceAnswered(document, position);
      assert.ok(text.includes('Amitriptyline'), `no Amitriptyline card at ${where(document, position)}:\n${excerpt(text)}`);
      assert.match(text, SERT_ROW, `no SERT affinity row at ${where(document, position)}:\n${excerpt(text)}`);
    });

    test('hERG shows KCNH2 and QT', async () => {
      const position = positionOfWord(document, 'hERG');
      const text = await hoverOnceAnswered(document, position);
      assert.ok(text.includes('KCNH2'), `no KCNH2 at ${where(document, position)}:\n${excerpt(text)}`);
      assert.ok(text.includes('QT'), `no QT at ${where(document, position)}:\n${excerpt(text)}`);
    });
  });
}
