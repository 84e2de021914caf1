import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bibliographyUris } from '../server/src/service/cite/discover';
import { fileUriOf, resolvePath } from '../server/src/service/cite/uri';
import { memoryWorkspace } from '../server/src/service/workspace';
import { scanDocument } from '../server/src/service/scan/index';
import type { DocumentFormat } from '../server/src/service/scan/types';

const root = 'file:///home/writer/paper';
const bib = '@article{a, title = {A}}\n';

function discover(
  documentPath: string,
  text: string,
  format: DocumentFormat,
  files: string[],
  options: { quartoYaml?: string; fallback?: string[]; workspaceRoot?: string } = {},
) {
  const workspace = memoryWorkspace(Object.fromEntries(files.map((path) => [`${root}/${path}`, bib])));
  return bibliographyUris(`${root}/${documentPath}`, scanDocument(text, format), { workspaceRoot: root, ...options }, workspace);
}

function inRoot(...paths: string[]): string[] {
  return paths.map((path) => `${root}/${path}`);
}

describe('cite discover: LaTeX', () => {
  it('adds .bib to \\bibliography{a,b} and resolves each name next to the document', () => {
    const found = discover('main.tex', '\\bibliography{refs, more.bib}', 'latex', ['refs.bib', 'more.bib']);
    assert.deepEqual(found.uris, inRoot('refs.bib', 'more.bib'));
    assert.deepEqual(found.missing, []);
    assert.deepEqual(found.sources.map((source) => source.origin), ['latex', 'latex']);
  });

  it('adds .bib to a dotted name, as BibTeX does', () => {
    assert.deepEqual(discover('main.tex', '\\bibliography{refs.v2}', 'latex', ['refs.v2.bib']).uris, inRoot('refs.v2.bib'));
  });

  it('takes \\addbibresource paths as written, relative to the document folder first, then the workspace root', () => {
    const text = '\\addbibresource{bib/local.bib}\n\\addbibresource[label=x]{shared/all.bib}';
    const found = discover('chapters/one/ch1.tex', text, 'latex', ['chapters/one/bib/local.bib', 'shared/all.bib']);
    assert.deepEqual(found.uris, inRoot('chapters/one/bib/local.bib', 'shared/all.bib'));
  });

  it('prefers the document folder when both folders hold the file', () => {
    const found = discover('sub/main.tex', '\\addbibresource{refs.bib}', 'latex', ['sub/refs.bib', 'refs.bib']);
    assert.deepEqual(found.uris, inRoot('sub/refs.bib'));
  });

  it('resolves parent folders and spaces inside the workspace, and refuses a declared path outside it', () => {
    const text = '\\addbibresource{../bib/my refs.bib}\n\\addbibresource{/srv/bib/global.bib}';
    const workspace = memoryWorkspace({ [`${root}/bib/my refs.bib`]: bib, '/srv/bib/global.bib': bib });
    const found = bibliographyUris(`${root}/text/main.tex`, scanDocument(text, 'latex'), { workspaceRoot: root }, workspace);
    assert.deepEqual(found.uris, [`${root}/bib/my%20refs.bib`]);
    assert.deepEqual(found.missing.map((missing) => [missing.path, missing.outside, missing.tried]), [['/srv/bib/global.bib', true, ['file:///srv/bib/global.bib']]]);
    // Without a workspace, only the document's own folder may be read.
    assert.deepEqual(bibliographyUris(`${root}/text/main.tex`, scanDocument(text, 'latex'), {}, workspace).uris, []);
  });

  it("reads a bibliography the user's own setting names anywhere", () => {
    const workspace = memoryWorkspace({ '/srv/bib/global.bib': bib });
    const found = bibliographyUris(`${root}/main.tex`, scanDocument('Text.', 'latex'), { workspaceRoot: root, fallback: ['/srv/bib/global.bib'] }, workspace);
    assert.deepEqual(found.uris, ['file:///srv/bib/global.bib']);
  });

  it('leaves remote resources alone', () => {
    const found = discover('main.tex', '\\addbibresource[location=remote]{https://example.org/refs.bib}', 'latex', []);
    assert.deepEqual([found.uris, found.missing], [[], []]);
  });

  it('lists a file declared twice once', () => {
    const found = discover('main.tex', '\\addbibresource{refs.bib}\n\\bibliography{refs}', 'latex', ['refs.bib']);
    assert.deepEqual(found.uris, inRoot('refs.bib'));
  });

  it('reports a declared file that exists nowhere, with the span of its name and the places looked at', () => {
    const text = '\\bibliography{refs,gone}';
    const found = discover('sub/main.tex', text, 'latex', ['sub/refs.bib']);
    assert.deepEqual(found.uris, inRoot('sub/refs.bib'));
    assert.equal(found.missing.length, 1);
    const [missing] = found.missing;
    assert.equal(missing!.path, 'gone.bib');
    assert.equal(text.slice(missing!.span!.start, missing!.span!.end), 'gone');
    assert.deepEqual(missing!.tried, inRoot('sub/gone.bib', 'gone.bib'));
  });
});

describe('cite discover: Markdown and Quarto', () => {
  it('reads a front-matter string', () => {
    const found = discover('paper.md', '---\ntitle: X\nbibliography: refs/main.bib\n---\nText [@a].\n', 'markdown', ['refs/main.bib']);
    assert.deepEqual(found.uris, inRoot('refs/main.bib'));
    assert.equal(found.sources[0]!.origin, 'front-matter');
  });

  it('reads a front-matter list, keeping its order, and reports the missing item with its span', () => {
    const text = '---\nbibliography:\n  - b.bib\n  - "nested/deep/a.bib"\n  - missing.bib\n---\n';
    const found = discover('paper.qmd', text, 'markdown', ['nested/deep/a.bib', 'b.bib']);
    assert.deepEqual(found.uris, inRoot('b.bib', 'nested/deep/a.bib'));
    assert.deepEqual(found.missing.map((missing) => [missing.path, missing.origin, text.slice(missing.span!.start, missing.span!.end)]), [
      ['missing.bib', 'front-matter', 'missing.bib'],
    ]);
  });

  it('adds the bibliography of _quarto.yml, relative to the project root, after the document\'s own', () => {
    const quartoYaml = 'project:\n  type: book\nbibliography:\n  - references.bib\n  - "extra/more.bib"\n';
    const found = discover('chapters/intro.qmd', '---\nbibliography: local.bib\n---\n', 'markdown', ['chapters/local.bib', 'references.bib', 'extra/more.bib'], { quartoYaml });
    assert.deepEqual(found.uris, inRoot('chapters/local.bib', 'references.bib', 'extra/more.bib'));
    assert.deepEqual(found.sources.map((source) => source.origin), ['front-matter', 'quarto-project', 'quarto-project']);
    const more = found.sources[2]!;
    assert.equal(quartoYaml.slice(more.span!.start, more.span!.end), 'extra/more.bib');
  });

  it('takes a _quarto.yml string, and ignores a _quarto.yml that does not parse', () => {
    assert.deepEqual(discover('a.qmd', 'Text', 'markdown', ['refs.bib'], { quartoYaml: 'bibliography: refs.bib\n' }).uris, inRoot('refs.bib'));
    assert.deepEqual(discover('a.qmd', 'Text', 'markdown', ['refs.bib'], { quartoYaml: 'bibliography: [refs.bib\n  : :' }).uris, []);
  });
});

describe('cite discover: the pharmalens.bibliography setting', () => {
  it('comes last, relative to the workspace root', () => {
    const found = discover('doc/paper.md', '---\nbibliography: own.bib\n---\n', 'markdown', ['doc/own.bib', 'lib/fallback.bib'], { fallback: ['lib/fallback.bib'] });
    assert.deepEqual(found.uris, inRoot('doc/own.bib', 'lib/fallback.bib'));
    assert.equal(found.sources[1]!.origin, 'setting');
  });

  it('serves a document that declares nothing, and reports a missing file without a span', () => {
    const found = discover('paper.tex', 'No bibliography here.', 'latex', ['refs.bib'], { fallback: ['refs.bib', 'nowhere.bib'] });
    assert.deepEqual(found.uris, inRoot('refs.bib'));
    assert.deepEqual(found.missing.map((missing) => [missing.path, missing.origin, missing.span]), [['nowhere.bib', 'setting', undefined]]);
  });

  it('without a workspace root, resolves against the document folder', () => {
    const workspace = memoryWorkspace({ [`${root}/refs.bib`]: bib });
    const found = bibliographyUris(`${root}/paper.md`, scanDocument('Text', 'markdown'), { fallback: ['refs.bib'] }, workspace);
    assert.deepEqual(found.uris, inRoot('refs.bib'));
  });
});

describe('cite uri helpers', () => {
  it('canonicalizes paths and URIs alike', () => {
    assert.equal(fileUriOf('/a/b c.bib'), 'file:///a/b%20c.bib');
    assert.equal(fileUriOf('file:///a/./x/../b%20c.bib'), 'file:///a/b%20c.bib');
    assert.equal(resolvePath('file:///a/b/', '..\\refs\\x.bib'), 'file:///a/refs/x.bib');
  });

  it('a memory workspace finds a file by path or by URI', () => {
    const workspace = memoryWorkspace({ '/a/b c.bib': 'x' });
    assert.equal(workspace.readFile('file:///a/b%20c.bib'), 'x');
    assert.equal(workspace.exists!('file:///a/other.bib'), false);
  });
});
