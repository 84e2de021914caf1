import type { IndexedKnowledgeBase } from '../kb/indexed';
import type { AffinityRecord, Reference } from '../kb/types';
import type { Mention } from '../recognize/recognize';
import type { KnowledgeBaseEntry } from '../../protocol';

/** The references the records cite, once each, in order of first citation. */
function referencesOf(kb: IndexedKnowledgeBase, records: readonly AffinityRecord[]): Reference[] {
  const ids = [...new Set(records.map((record) => record.referenceId))];
  return ids.flatMap((id) => {
    const reference = kb.reference(id);
    return reference ? [reference] : [];
  });
}

/** The entry of the mentioned compound or target; `null` without a mention or when the knowledge base no longer holds it. */
export function knowledgeBaseEntryFor(kb: IndexedKnowledgeBase, mention: Mention | undefined): KnowledgeBaseEntry | null {
  if (!mention) return null;
  if (mention.kind === 'compound') {
    const compound = kb.compound(mention.id);
    if (!compound) return null;
    const affinities = [...kb.affinitiesOfCompound(compound.id)];
    return { kind: 'compound', compound, affinities, references: referencesOf(kb, affinities) };
  }
  const target = kb.target(mention.id);
  if (!target) return null;
  const affinities = [...kb.affinitiesAtTarget(target.id)];
  return { kind: 'target', target, affinities, references: referencesOf(kb, affinities) };
}
