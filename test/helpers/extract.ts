import { buildDictionary } from '../../server/src/service/recognize/dictionary';
import { compileNames } from '../../server/src/service/recognize/names';
import { recognizeMentions } from '../../server/src/service/recognize/recognize';
import { scanDocument } from '../../server/src/service/scan/index';
import type { DocumentFormat } from '../../server/src/service/scan/types';
import { extractStatements } from '../../server/src/service/extract/index';
import type { AffinityStatement } from '../../server/src/service/extract/types';
import { compound, tinyKnowledgeBase } from './tiny-kb';

const dictionary = buildDictionary(
  compileNames(tinyKnowledgeBase({ compounds: [...tinyKnowledgeBase().compounds, compound('imipramine', 'imipramine'), compound('fluoxetine', 'fluoxetine')] })),
);

/** Recognize with the tiny knowledge base. */
export const mentionsOf = (masked: string) => recognizeMentions(masked, dictionary);

/** Scan → recognize (tiny knowledge base) → extract. */
export function extract(text: string, format: DocumentFormat = 'markdown'): AffinityStatement[] {
  const scanned = scanDocument(text, format);
  return extractStatements(scanned, recognizeMentions(scanned.masked, dictionary), format);
}

/** A statement in one line: `Ki = 3.45 nM (3.45 nM) amitriptyline@SLC6A4`. */
export function summary(statement: AffinityStatement): string {
  const value = statement.valueHigh === undefined ? `${statement.value}` : `${statement.value}-${statement.valueHigh}`;
  const error = statement.error === undefined ? '' : `±${statement.error}`;
  const unit = statement.unit ? ` ${statement.unit}` : '';
  return `${statement.measure} ${statement.relation} ${value}${error}${unit} [${statement.valueNm}] ${statement.compound?.id ?? '-'}@${statement.target?.id ?? '-'}`;
}

export const summaries = (text: string, format: DocumentFormat = 'markdown'): string[] => extract(text, format).map(summary);
