import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, LanguageService } from '../../server/src/service/index';

const root = path.resolve(__dirname, '../..');

/** Typing, deleting, pasting: what an edit inserts, chosen to touch names, values, markup, citations and paragraphs. */
const INSERTS = ['x', ' ', 'a', '.', ',', '\n', '\n\n', ' Ki = 5 nM', ' amitriptyline', ' SERT', ' (AMI)', ' IC50 of 3 µM at NET', '$', '`', '[@smith2020]', ' \\cite{x}', ' its Ki was 40 nM.', ' mu, delta and kappa receptors', ' H1 receptor', '0', '1.5', ' μM', '(', ')', '*', '#', ' respectively', ' metabolites M1', '<!--', '```', '\\begin{equation}', ' D2: 12 nM\n'];

/** A seeded generator (Park–Miller): the same edits on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** One random edit of `text`: an insertion, a deletion of one to three characters or of a stretch, or a paste of text from elsewhere. */
export function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const kind = random();
  if (kind < 0.45) return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
  const from = Math.floor(random() * text.length);
  return text.slice(0, at) + text.slice(from, from + Math.floor(random() * 120)) + text.slice(at);
}

/** One Markdown and one LaTeX manuscript made of the real texts in `folders` (LaTeX bodies inside the example's preamble). */
export function realManuscripts(folders: readonly string[] = [path.join(root, 'test/fixtures/real')]): { uri: string; languageId: string; text: string }[] {
  const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => /\.(md|qmd|Rmd|tex)$/.test(name)).sort().map((name) => path.join(folder, name)));
  const markdown = files.filter((file) => !file.endsWith('.tex')).map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')).join('\n\n');
  const body = (latex: string) => /\\begin\{document\}([\s\S]*?)\\end\{document\}/.exec(latex)?.[1] ?? latex;
  const latex = files.filter((file) => file.endsWith('.tex')).map((file) => body(readFileSync(file, 'utf8'))).join('\n\n');
  const example = readFileSync(path.join(root, 'examples/amitriptyline-review.tex'), 'utf8');
  return [
    { uri: 'file:///w/real.md', languageId: 'markdown', text: `${readFileSync(path.join(root, 'examples/amitriptyline-review.md'), 'utf8')}\n\n${markdown}` },
    { uri: 'file:///w/real.tex', languageId: 'latex', text: example.replace('\\end{document}', `${latex}\n\n\\end{document}`) },
  ];
}

/** Everything an analysis gives the adapters, as text: two analyses that agree here agree for every user. */
export function analysisFacts(service: LanguageService, analysis: DocumentAnalysis): Record<string, string> {
  const withoutRecords = (name: string, value: unknown) => (name === 'records' && Array.isArray(value) ? value.length : value);
  return {
    masked: analysis.scanned.masked,
    scan: JSON.stringify([analysis.scanned.skipped, analysis.scanned.math, analysis.scanned.citations, analysis.scanned.tables, analysis.scanned.bibliographies, analysis.scanned.frontMatter, analysis.scanned.unclosed, analysis.scanned.floats]),
    mentions: JSON.stringify(analysis.mentions),
    mentioned: JSON.stringify([analysis.compoundsMentioned, analysis.targetsMentioned]),
    checked: JSON.stringify(analysis.checked, withoutRecords),
    findings: JSON.stringify(service.findings(analysis)),
    citations: JSON.stringify([analysis.citations.missing, analysis.citations.problems]),
    suppressions: JSON.stringify([analysis.suppressions.regions, analysis.suppressions.problems]),
    basis: JSON.stringify(analysis.basis, (name, value: unknown) => (name === 'resolved' || name === 'aliases' ? [...(value as Map<string, unknown>).keys()] : value)),
  };
}

export interface EditRun {
  edits: number;
  readInPart: number;
  /** Why the others were read whole, with how often. */
  reasons: Map<string, number>;
  /** The first field where the analysis read in part and the whole read differ, per edit that differs. */
  differences: string[];
}

/**
 * `edits` random edits of `text`, each analysed from the previous version and from scratch; the two compared.
 * `cumulative`: each edit on the last (an unclosed fence typed early then holds the rest of the text); else each on
 * the original text.
 */
export function runRandomEdits(service: LanguageService, manuscript: { uri: string; languageId: string; text: string }, edits: number, random: () => number, cumulative = true): EditRun {
  const run: EditRun = { edits, readInPart: 0, reasons: new Map(), differences: [] };
  const original = TextDocument.create(manuscript.uri, manuscript.languageId, 1, manuscript.text);
  const originalAnalysis = service.analyze(original)!;
  let document = original;
  let analysis = originalAnalysis;
  for (let index = 0; index < edits; index++) {
    if (!cumulative) [document, analysis] = [original, originalAnalysis];
    const next = randomEdit(document.getText(), random);
    document = TextDocument.create(manuscript.uri, manuscript.languageId, document.version + 1, next);
    const updated = service.analyze(document, analysis)!;
    const whole = service.analyze(document)!;
    if (updated.update?.kind === 'incremental') run.readInPart++;
    else {
      const reason = updated.update?.reason ?? 'unknown';
      run.reasons.set(reason, (run.reasons.get(reason) ?? 0) + 1);
    }
    const [part, full] = [analysisFacts(service, updated), analysisFacts(service, whole)];
    const field = Object.keys(full).find((name) => part[name] !== full[name]);
    if (field) {
      let first = 0;
      while (part[field]![first] === full[field]![first]) first++;
      run.differences.push(`edit ${index} of ${manuscript.uri}, ${field}:\n  in part: …${part[field]!.slice(Math.max(0, first - 150), first + 150)}\n  whole:   …${full[field]!.slice(Math.max(0, first - 150), first + 150)}`);
    }
    analysis = updated;
  }
  return run;
}
