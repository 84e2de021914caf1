import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bibliographyUris } from '../server/src/service/cite/discover';
import { texRootOf } from '../server/src/service/cite/tex-root';
import { memoryWorkspace } from '../server/src/service/workspace';
import { scanDocument } from '../server/src/service/scan/index';

const root = 'file:///home/writer/thesis';
const bib = '@article{tatsumi1997, title = {Profile}}\n';
const chapter = 'Amitriptyline binds SERT \\cite{tatsumi1997}.\n';

function workspace(files: Record<string, string>) {
  return memoryWorkspace(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${root}/${path}`, text])));
}

describe('a LaTeX chapter finds its root document and the root\'s bibliography', () => {
  it('the root that \\input{}s or \\include{}s the chapter, in the same folder or above', () => {
    const files = workspace({
      'main.tex': '\\documentclass{book}\n\\begin{document}\n\\include{chapters/results}\n\\bibliography{refs}\n\\end{document}\n',
      'notes.tex': '\\documentclass{article}\n\\input{chapters/other}\n',
      'chapters/results.tex': chapter,
      'refs.bib': bib,
    });
    assert.equal(texRootOf(`${root}/chapters/results.tex`, chapter, files, root), `${root}/main.tex`);
    const found = bibliographyUris(`${root}/chapters/results.tex`, scanDocument(chapter, 'latex'), { workspaceRoot: root }, files);
    assert.deepEqual(found.uris, [`${root}/refs.bib`]);
    assert.equal(found.sources[0]!.origin, 'tex-root');
  });

  it('a % !TEX root comment, \\documentclass[root]{subfiles}, and \\subimport name the root', () => {
    const files = workspace({
      'main.tex': '\\documentclass{book}\n\\subimport{parts/one/}{intro}\n\\addbibresource{bib/all.bib}\n',
      'bib/all.bib': bib,
    });
    const magic = `% !TEX root = ../main.tex\n${chapter}`;
    assert.equal(texRootOf(`${root}/chapters/a.tex`, magic, files, root), `${root}/main.tex`);
    const subfile = `\\documentclass[../../main.tex]{subfiles}\n${chapter}`;
    assert.equal(texRootOf(`${root}/parts/one/b.tex`, subfile, files, root), `${root}/main.tex`);
    assert.equal(texRootOf(`${root}/parts/one/intro.tex`, chapter, files, root), `${root}/main.tex`, 'found through \\subimport');
    const found = bibliographyUris(`${root}/parts/one/intro.tex`, scanDocument(chapter, 'latex'), { workspaceRoot: root }, files);
    assert.deepEqual(found.uris, [`${root}/bib/all.bib`], 'resolved against the root\'s folder');
  });

  it('a standalone document, or a chapter no file includes, has no root; its own \\bibliography wins', () => {
    const files = workspace({ 'main.tex': '\\documentclass{book}\n\\input{chapters/results}\n\\bibliography{refs}\n', 'refs.bib': bib, 'own.bib': bib });
    const standalone = '\\documentclass{article}\n\\begin{document}\nText.\n\\end{document}\n';
    assert.equal(texRootOf(`${root}/chapters/results.tex`, standalone, files, root), undefined);
    assert.equal(texRootOf(`${root}/chapters/orphan.tex`, chapter, files, root), undefined);
    const ownDeclaration = `${chapter}\\bibliography{../own}\n`;
    const found = bibliographyUris(`${root}/chapters/results.tex`, scanDocument(ownDeclaration, 'latex'), { workspaceRoot: root }, files);
    assert.deepEqual(found.uris, [`${root}/own.bib`]);
  });

  it('a root whose bibliography is missing reports nothing in the chapter (the root shows it)', () => {
    const files = workspace({ 'main.tex': '\\documentclass{book}\n\\input{results}\n\\bibliography{gone}\n' });
    const found = bibliographyUris(`${root}/results.tex`, scanDocument(chapter, 'latex'), { workspaceRoot: root }, files);
    assert.deepEqual(found.uris, []);
    assert.equal(found.missing[0]?.span, undefined);
  });
});
