/**
 * The reproducers of `test/fixtures/robustness/` (found by fuzzing the server), replayed against the server in this
 * process: each once broke it, each is a regression test of the fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Hover, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, memoryWorkspace } from '../server/src/service/index';
import { loadKnowledgeBaseFiles } from '../server/src/node/knowledge-base-file';
import { replay } from './helpers/replay';

/** Every URI a workspace edit touches (changes, document changes, created files). */
function touchedUris(edit: WorkspaceEdit | undefined): string[] {
  if (!edit) return [];
  const fromChanges = Object.keys(edit.changes ?? {});
  const fromDocumentChanges = (edit.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : 'uri' in change ? change.uri : change.oldUri));
  return [...fromChanges, ...fromDocumentChanges];
}

function newTextOf(edit: object): string {
  return 'newText' in edit ? String(edit.newText) : '';
}

function actions(answer: unknown): CodeAction[] {
  return (answer as CodeAction[] | null) ?? [];
}

test('01: pharmalens.bibliography of the wrong type is ignored with a warning; diagnostics and hovers still work', async () => {
  const run = await replay('01-bibliography-setting-wrong-type.json');
  assert.ok(run.logged.some((message) => /pharmalens\.bibliography should be a list of paths; ignored/.test(message)), run.logged.join('\n'));
  assert.ok(!run.logged.some((message) => /is not iterable/.test(message)), run.logged.join('\n'));
  assert.ok(run.published.some((params) => params.diagnostics.some((diagnostic) => String(diagnostic.code).startsWith('affinity.'))));
  assert.ok((run.answers as (Hover | null)[]).every((hover) => hover !== null));
});

test('02: pharmalens.knowledgeBase.extraFiles given as one path starts the server with that file', async () => {
  const run = await replay('02-extra-kb-setting-string.json');
  assert.equal(run.started, true);
});

test('03: an extra knowledge-base file nested 100,000 deep is reported with its position and left out; the server starts', async () => {
  const run = await replay('03-extra-kb-deep-nesting.json');
  assert.equal(run.started, true);
  assert.ok(run.logged.some((message) => /kb-nested\.json:1:\d+: invalid JSON: nested deeper than 512 levels/.test(message)), run.logged.join('\n'));
});

test('06: a .bib ending inside an unclosed entry gets no appended entry; the action says why', async () => {
  const run = await replay('06-bib-append-after-unclosed-entry.json');
  const all = run.answers.flatMap(actions);
  const cite = all.filter((action) => /cite/i.test(action.title));
  assert.ok(cite.length > 0, all.map((action) => action.title).join('\n'));
  for (const action of cite) {
    assert.match(action.title, /the \.bib ends inside an unclosed entry: fix it, then cite again/);
    assert.ok(!touchedUris(action.edit).some((uri) => uri.endsWith('.bib')), action.title);
  }
});

test('11: an untitled document gets the citation text only, no file created or edited', async () => {
  const run = await replay('11-untitled-document-cite-creates-root-references-bib.json');
  const cite = run.answers.flatMap(actions).filter((action) => /cite/i.test(action.title));
  assert.ok(cite.length > 0);
  for (const action of cite) {
    assert.ok(touchedUris(action.edit).every((uri) => uri.startsWith('untitled:')), JSON.stringify(action.edit));
    assert.ok(!(action.edit?.documentChanges ?? []).some((change) => 'kind' in change), 'no file operation');
  }
});

test('S1: a bibliography declared outside the workspace is neither read nor written, and is reported', async () => {
  const run = await replay('S1-bibliography-outside-workspace.json');
  const diagnostics = run.published.flatMap((params) => params.diagnostics);
  assert.ok(!diagnostics.some((diagnostic) => /root:x:0:0/.test(String(diagnostic.message))), 'the file outside was not read');
  assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'citation.bibliography-missing' && /is outside the workspace/.test(String(diagnostic.message))));
  for (const action of run.answers.flatMap(actions)) assert.ok(touchedUris(action.edit).every((uri) => uri.startsWith(run.rootUri)), JSON.stringify(action.edit));
});

test('S2: a missing bibliography declared outside the workspace is not created there', async () => {
  const run = await replay('S2-create-bib-outside-workspace.json');
  for (const action of run.answers.flatMap(actions)) assert.ok(touchedUris(action.edit).every((uri) => uri.startsWith(run.rootUri)), `${action.title}: ${JSON.stringify(action.edit)}`);
  assert.equal(existsSync(path.resolve(run.root, '../../../outside/pharmalens-outside.bib')), false);
});

test('13: a .bib whose @string macro doubles itself is cut and reported, not expanded to 134 million characters', async () => {
  const started = Date.now();
  const run = await replay('13-bib-string-macro-doubling.json');
  assert.ok(Date.now() - started < 5000, 'bounded work');
  assert.equal(readFileSync(path.join(run.root, 'refs.bib'), 'utf8').length, 686);
  const bibDiagnostics = run.published.filter((params) => params.uri.endsWith('refs.bib')).flatMap((params) => params.diagnostics);
  assert.ok(bibDiagnostics.some((diagnostic) => diagnostic.code === 'bibtex.syntax' && /longer than 100000 characters once its string macros are expanded/.test(String(diagnostic.message))), JSON.stringify(bibDiagnostics));
  assert.ok(run.answers.length > 0);
});

test('S3: Markdown from a .bib and an extra knowledge-base file stays escaped in hovers', async () => {
  const run = await replay('S3-hover-markdown-injection.json');
  const text = (run.answers as (Hover | null)[]).map((hover) => (hover?.contents as MarkupContent | undefined)?.value ?? '').join('\n');
  assert.doesNotMatch(text, /\]\(command:/);
  assert.doesNotMatch(text, /(?<!\\)<(img|script)/);
});

test('05: paths in .pharmalens.json resolve against the workspace, not the server process\'s folder', async () => {
  const run = await replay('05-project-config-paths-use-server-cwd.json');
  assert.ok(!run.logged.some((message) => /kb\/lab\.json: cannot read/.test(message)), run.logged.join('\n'));
  const hover = (run.answers[0] as Hover | null)?.contents as MarkupContent | undefined;
  assert.match(hover?.value ?? '', /Pharmalensamine/i, 'the lab knowledge base was loaded');
  for (const action of actions(run.answers[1])) assert.ok(touchedUris(action.edit).every((uri) => uri.startsWith(run.rootUri)), JSON.stringify(action.edit));
  assert.ok(!run.published.flatMap((params) => params.diagnostics).some((diagnostic) => diagnostic.code === 'citation.bibliography-missing'));
});

test('07: a fix asked for with a diagnostic whose data predates an edit is recomputed for the text as it is now', async () => {
  const run = await replay('07-fix-from-stale-diagnostic-data.json');
  const fix = actions(run.answers[0]).find((action) => action.title === 'Change the unit to µM');
  assert.ok(fix, actions(run.answers[0]).map((action) => action.title).join('\n'));
  const edits = Object.values(fix.edit?.changes ?? {}).flat();
  assert.deepEqual(edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.newText]), [[7, 58, 'µM']]);
});

test('12: a client that declares no documentChanges or resourceOperations gets plain changes and no file created', async () => {
  const run = await replay('12-documentchanges-without-client-capability.json');
  const cite = run.answers.flatMap(actions).filter((action) => /cite/i.test(action.title));
  assert.ok(cite.length > 0);
  for (const action of cite) {
    assert.equal(action.edit?.documentChanges, undefined, JSON.stringify(action.edit));
    assert.ok(Object.keys(action.edit?.changes ?? {}).every((uri) => uri.endsWith('paper.md')), JSON.stringify(action.edit));
    assert.match(action.title, /this editor cannot create the \.bib/);
  }
  const editor = await replay('12-documentchanges-without-client-capability.json', { caps: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } } });
  const created = editor.answers.flatMap(actions).flatMap((action) => action.edit?.documentChanges ?? []).filter((change) => 'kind' in change);
  assert.ok(created.length > 0, 'an editor that declares them gets the .bib created');
});

test('08: a didChange past the last line is clamped: no duplicated text, every published position inside the document', async () => {
  const run = await replay('08-didchange-past-last-line-nan-positions.json');
  const lineCount = 8; // the 6 lines opened, a newline appended at the end, one line inserted at line 6
  for (const { diagnostics } of run.published) {
    for (const { range } of diagnostics) {
      for (const position of [range.start, range.end]) {
        assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), JSON.stringify(range));
        assert.ok(position.line < lineCount, JSON.stringify(range));
      }
    }
  }
  const [hover] = run.answers as (Hover | null)[];
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /hERG|Kv11\.1/);
});

test('09: the references.bib already beside an undeclared manuscript is reused and declared, not created again with a second entry', async () => {
  const run = await replay('09-cite-fix-duplicates-entry-in-undeclared-references-bib.json');
  const cite = run.answers.flatMap(actions).find((action) => /^Cite Tatsumi et al\. 1997/.test(action.title));
  assert.ok(cite, run.answers.flatMap(actions).map((action) => action.title).join('\n'));
  const changes = cite.edit?.documentChanges ?? [];
  assert.ok(!changes.some((change) => 'kind' in change), 'no file created');
  assert.deepEqual(changes.map((change) => ('textDocument' in change ? change.textDocument.uri.replace(run.rootUri, '') : '')), ['/paper.md']);
  const inserted = changes.flatMap((change) => ('edits' in change ? change.edits.map(newTextOf) : []));
  assert.deepEqual(inserted, ['---\nbibliography: references.bib\n---\n', ' [@tatsumi1997pharmacological]']);
});

test('10: an empty front-matter bibliography key gets its value; on the text the fix leaves, it is not offered again', async () => {
  const run = await replay('10-cite-fix-not-idempotent-empty-frontmatter-bibliography.json');
  const [first, second] = run.answers.map(actions);
  const cite = first!.find((action) => /^Cite Tatsumi et al\. 1997/.test(action.title));
  const documentEdits = (cite?.edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri.endsWith('a.md') ? change.edits : []));
  assert.ok(documentEdits.some((edit) => newTextOf(edit) === ' references.bib' && edit.range.start.line === 2), JSON.stringify(documentEdits));
  assert.ok(!documentEdits.some((edit) => /bibliography:/.test(newTextOf(edit))), 'no second key');
  assert.ok(!(cite?.edit?.documentChanges ?? []).some((change) => 'kind' in change), 'the existing references.bib is reused');
  assert.ok(!second!.some((action) => /^Cite Tatsumi et al\. 1997/.test(action.title)), second!.map((action) => action.title).join('\n'));
});

test('14: 12,500 values on one line and 6,250 paragraphs: analysis and a select-all code action stay bounded', async () => {
  const started = Date.now();
  const run = await replay('14-dense-statements-quadratic.json');
  // A hang guard, not a benchmark (`npm run bench` measures speed): this replay took 64 s before the fix, 2 s after.
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  assert.equal(run.answers.length, 4);
  for (const answer of [run.answers[1], run.answers[3]]) {
    const cite = actions(answer);
    assert.ok(cite.length > 0 && cite.length <= 3 * 10, `${cite.length} actions for a select-all`);
  }
});

test('F1 (fuzzer): a LaTeX sentence quoting thousands of values, some cited, is analysed in bounded time', () => {
  const service = createLanguageService({
    ...loadKnowledgeBaseFiles(),
    workspace: memoryWorkspace({ 'file:///work/refs.bib': '@article{k0, title = {Pharmacological profile}, pmid = {9537821}}\n' }),
    discoveryOptions: () => ({ workspaceRoot: 'file:///work/' }),
  });
  const values = Array.from({ length: 6000 }, (_, index) => `amitriptyline SERT Ki = 4.3 nM${index % 1000 === 0 ? ` \\cite{k${index}}` : ''}; `).join('');
  const text = `\\documentclass{article}\n\\addbibresource{refs.bib}\n\\begin{document}\nIt blocks ${values}and more.\n\\end{document}\n`;
  const started = Date.now();
  const analysis = service.analyze(TextDocument.create('file:///work/dense.tex', 'latex', 1, text));
  // A hang guard, not a benchmark: 3,300 such values took 15 s before the citation index, 0.8 s after.
  assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  assert.ok((analysis?.checked.length ?? 0) >= 6000);
});

test('F2 (fuzzer): front matter that is not valid YAML gets no second bibliography key from a cite fix', () => {
  const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({}), discoveryOptions: () => ({ workspaceRoot: 'file:///work/' }) });
  const text = '---\ntitle: "Draft">\nbibliography: refs.bib\n---\n\nAmitriptyline binds the human serotonin transporter (SERT) with a Kd of 4.3 nM.\n';
  const document = TextDocument.create('file:///work/paper.md', 'markdown', 1, text);
  const analysis = service.analyze(document)!;
  const at = document.positionAt(text.indexOf('4.3 nM'));
  const cite = service.codeActions(document, analysis, [], { start: at, end: at }).filter((action) => /^Cite/.test(action.title));
  assert.ok(cite.length > 0);
  for (const action of cite) {
    const inserted = (action.edit?.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits.map(newTextOf) : []));
    assert.ok(!inserted.some((newText) => /bibliography:/.test(newText)), `${action.title}: ${JSON.stringify(inserted)}`);
    assert.match(action.title, /the front matter is not valid YAML/);
  }
});

test('04: a select-all code action reads and parses the .bib once, and offers cite actions for at most 10 values', () => {
  const entries = Array.from({ length: 2000 }, (_, index) => `@misc{k${index}, title = {Entry ${index}}, year = {2000}}`).join('\n');
  const files = memoryWorkspace({ 'file:///work/refs.bib': `${entries}\n` });
  let bibReads = 0;
  const workspace = { ...files, readFile: (uri: string) => (uri.endsWith('refs.bib') && bibReads++, files.readFile(uri)) };
  const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace, discoveryOptions: () => ({ workspaceRoot: 'file:///work/' }) });
  const text = `---\nbibliography: refs.bib\n---\n\n${Array.from({ length: 200 }, () => 'Amitriptyline binds the human serotonin transporter (SERT) with a Kd of 4.3 nM.').join('\n\n')}\n`;
  const document = TextDocument.create('file:///work/paper.md', 'markdown', 1, text);
  const analysis = service.analyze(document)!;
  bibReads = 0;
  const actions = service.codeActions(document, analysis, [], { start: { line: 0, character: 0 }, end: document.positionAt(text.length) });
  assert.equal(bibReads, 1);
  const citedLines = new Set(actions.flatMap((action) => (action.edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri.endsWith('paper.md') ? change.edits.map((edit) => edit.range.start.line) : []))));
  assert.ok(citedLines.size > 0 && citedLines.size <= 10, `${citedLines.size} values`);
});

test('06b: a closed last entry with an unbalanced parenthesis in a braced title still gets the new entry appended', () => {
  const bib = '@article{a, title = {Effects (in rats}, year = {2001}}\n';
  const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({ 'file:///work/refs.bib': bib }), discoveryOptions: () => ({ workspaceRoot: 'file:///work/' }) });
  const text = '---\nbibliography: refs.bib\n---\n\nAmitriptyline binds the human serotonin transporter (SERT) with a Kd of 4.3 nM.\n';
  const document = TextDocument.create('file:///work/paper.md', 'markdown', 1, text);
  const at = document.positionAt(text.indexOf('4.3 nM'));
  const cite = service.codeActions(document, service.analyze(document)!, [], { start: at, end: at }).filter((action) => /^Cite Tatsumi/.test(action.title));
  assert.equal(cite.length, 1);
  assert.doesNotMatch(cite[0]!.title, /unclosed/);
  assert.ok((cite[0]!.edit?.documentChanges ?? []).some((change) => 'textDocument' in change && change.textDocument.uri.endsWith('refs.bib')));
});

test('F3 (fuzzer): a colon before a 135,000-character URL (masked to spaces) is read in linear time', () => {
  const service = createLanguageService(loadKnowledgeBaseFiles());
  const text = `Source: https://example.org/${'x'.repeat(135_000)}\n\nAmitriptyline binds SERT with a Ki of 3.45 nM.\n`;
  const started = Date.now();
  const analysis = service.analyze(TextDocument.create('file:///work/long-url.md', 'markdown', 1, text));
  // A hang guard, not a benchmark: 16 s before (two adjacent runs of spaces in a pattern backtracked), 0.3 s after.
  assert.ok(Date.now() - started < 8_000, `${Date.now() - started} ms`);
  assert.equal(analysis?.checked.length, 1);
});

test('F4 (fuzzer): lone surrogates and malformed file: URIs in bibliography paths, PMIDs and DOIs fail no stage and no hover', () => {
  const bib = '@article{k, title = {T}, pmid = {95\uD83D37821}, doi = {10.1/\uDE00x}}\n';
  const service = createLanguageService({ ...loadKnowledgeBaseFiles(), workspace: memoryWorkspace({ 'file:///work/refs.bib': bib }), discoveryOptions: () => ({ workspaceRoot: 'file:///work/' }) });
  for (const declared of ['refs\uD83D.bib', 'file:%zz.bib', 'refs.bib']) {
    const text = `---\nbibliography: "${declared}"\n---\n\nAmitriptyline binds SERT with a Kd of 4.3 nM [@k].\n`;
    const document = TextDocument.create('file:///work/paper.md', 'markdown', 1, text);
    const analysis = service.analyze(document)!;
    assert.deepEqual(analysis.failures, [], declared);
    const at = document.positionAt(text.indexOf('@k') + 1);
    assert.doesNotThrow(() => service.hover(document, analysis, at), declared);
  }
});
