import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { indexKnowledgeBase, type IndexedKnowledgeBase } from './kb/indexed';
import type { KnowledgeBase } from './kb/types';
import { mentionHover } from './present/hover';
import { buildDictionary, type Dictionary } from './recognize/dictionary';
import { compileNames } from './recognize/names';
import { recognizeMentions, type Mention } from './recognize/recognize';
import { formatForLanguageId, scanDocument } from './scan/index';
import type { DocumentFormat, ScannedDocument } from './scan/types';

export interface DocumentAnalysis {
  format: DocumentFormat;
  scanned: ScannedDocument;
  /** Sorted by start offset, non-overlapping. */
  mentions: Mention[];
  /** Ids of the compounds the document mentions, in order of first mention. */
  compoundsMentioned: string[];
}

export interface LanguageService {
  readonly knowledgeBase: IndexedKnowledgeBase;
  /** `undefined` when the document's language is not one PharmaLens reads. */
  analyze(document: TextDocument): DocumentAnalysis | undefined;
  mentionAt(analysis: DocumentAnalysis, offset: number): Mention | undefined;
  hover(document: TextDocument, analysis: DocumentAnalysis, position: Position): Hover | null;
}

export interface LanguageServiceOptions {
  kb: KnowledgeBase;
  /** The knowledge base's names, compiled ahead of time (see `lazyDictionary`); compiled from `kb` when absent. */
  dictionary?: Dictionary;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const knowledgeBase = indexKnowledgeBase(options.kb);
  const dictionary = options.dictionary ?? buildDictionary(compileNames(options.kb));

  const analyze = (document: TextDocument): DocumentAnalysis | undefined => {
    const format = formatForLanguageId(document.languageId, document.uri);
    if (!format) return undefined;
    const scanned = scanDocument(document.getText(), format);
    const mentions = recognizeMentions(scanned.masked, dictionary);
    const compoundsMentioned = [...new Set(mentions.filter((mention) => mention.kind === 'compound').map((mention) => mention.id))];
    return { format, scanned, mentions, compoundsMentioned };
  };

  const mentionAt = (analysis: DocumentAnalysis, offset: number): Mention | undefined => {
    const { mentions } = analysis;
    let low = 0;
    let high = mentions.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const mention = mentions[middle];
      if (offset < mention.start) high = middle - 1;
      else if (offset > mention.end) low = middle + 1;
      else return mention;
    }
    return undefined;
  };

  const hover = (document: TextDocument, analysis: DocumentAnalysis, position: Position): Hover | null => {
    const mention = mentionAt(analysis, document.offsetAt(position));
    if (!mention) return null;
    const markdown = mentionHover(knowledgeBase, mention, analysis.compoundsMentioned);
    if (!markdown) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: markdown },
      range: { start: document.positionAt(mention.start), end: document.positionAt(mention.end) },
    };
  };

  return { knowledgeBase, analyze, mentionAt, hover };
}

export type { Mention } from './recognize/recognize';
export type { KnowledgeBase } from './kb/types';
