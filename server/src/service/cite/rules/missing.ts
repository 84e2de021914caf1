import { checkedWithCitations } from '../statement-citations';
import type { CitationRule } from './types';
import { renderedText } from '../../extract/rendered';

export const missing: CitationRule = {
  code: 'citation.missing',
  defaultSeverity: 'hint',
  title: 'A checked affinity value has no citation.',
  help: 'A checked affinity value has no citation in its sentence or table caption. Cite the source of the value.',
  run: (context) =>
    checkedWithCitations(context)
      .filter(({ sentenceCites }) => !sentenceCites)
      .map(({ statement }) => ({ code: 'citation.missing', span: statement.span, message: `${renderedText(statement.text)}: no citation in this sentence or table caption.`, fixes: [] })),
};
