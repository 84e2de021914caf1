import type { RuleContext } from '../context';
import { isConsistent } from '../distance';
import type { AffinityRecord } from '../../kb/types';
import type { AffinityRule, Finding } from '../types';
import { finding, foldOne, names, written } from '../finding';

const CONDITION_WORDS: [RegExp, RegExp][] = [
  [/\bCa\b|Ca2\+|Ca²⁺|calcium/i, /\bCa\b|Ca\s*(\$\^\{?2\+\}?\$|\^\{?2\+\}?|2\+|²⁺)|calcium/i],
  [/\bK\+|K⁺|\[K|potassium/i, /\bK\s*(\$\^\{?\+\}?\$|\^\{?\+\}?|\+|⁺)|potassium/i],
  [/\bNa\+|Na⁺|sodium/i, /\bNa\s*(\$\^\{?\+\}?\$|\^\{?\+\}?|\+|⁺)|sodium/i],
  [/\bMg2\+|Mg²⁺|magnesium/i, /\bMg|magnesium/i],
  [/\bmV\b|voltage|holding potential/i, /\bmV\b|voltage|\\milli\\volt/i],
];

/** Whether the sentence states at least one of the things the recorded conditions vary with (an ion, a voltage). */
export function conditionStated(conditions: string, sentence: string): boolean {
  const relevant = CONDITION_WORDS.filter(([inConditions]) => inConditions.test(conditions));
  return relevant.length === 0 || relevant.some(([, inSentence]) => inSentence.test(sentence));
}

/** The value matches only records measured under conditions (NMDA 0.72 µM at 4 mM Ca²⁺) that the text does not state. */
function conditionRun(context: RuleContext): Finding | undefined {
  const { evidence } = context;
  if (!evidence) return undefined;
  const matching = evidence.records.filter((record) => isConsistent(foldOne(context, record)));
  if (matching.length === 0 || matching.some((record) => !record.conditions)) return undefined;
  const conditioned = matching as (AffinityRecord & { conditions: string })[];
  if (conditioned.some((record) => conditionStated(record.conditions, context.sentence))) return undefined;
  const conditions = [...new Set(conditioned.map((record) => record.conditions))].join('; ');
  const subset = { ...evidence, records: conditioned, lowNm: Math.min(...conditioned.map((r) => r.valueNm)), highNm: Math.max(...conditioned.map((r) => r.valueHighNm ?? r.valueNm)) };
  return finding(
    context,
    'affinity.condition',
    subset,
    1,
    `${written(context)} for ${names(context)} matches only values measured under specific conditions (${conditions}); the text does not state them.`,
    [],
  );
}

export const condition: AffinityRule = {
  code: 'affinity.condition',
  defaultSeverity: 'hint',
  title: 'The value matches only references measured under conditions the text does not state.',
  help: 'The value matches only reference records with conditions (for example an ion concentration) that the text does not state. State the conditions.',
  run: conditionRun,
};
