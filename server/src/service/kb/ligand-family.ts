import type { IndexedKnowledgeBase } from './indexed';

/**
 * Whether a compound's name is part of a target's family or name: the endogenous ligand that names a receptor family
 * (`dopamine` for the D1 receptor, family "Dopamine receptors"; `5-hydroxytryptamine`/`serotonin` for 5-HT2A).
 */
export function ligandNamesFamily(kb: IndexedKnowledgeBase): (compoundId: string, targetId: string) => boolean {
  const cache = new Map<string, boolean>();
  return (compoundId, targetId) => {
    const key = `${compoundId}\u0000${targetId}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      const compound = kb.compound(compoundId);
      const target = kb.target(targetId);
      const family = `${target?.family ?? ''} ${target?.name ?? ''} ${(target?.synonyms ?? []).join(' ')}`.toLowerCase();
      const names = compound ? [compound.name, ...compound.synonyms].map((name) => name.toLowerCase()).filter((name) => name.length >= 4) : [];
      answer = names.some((name) => family.includes(name));
      cache.set(key, answer);
    }
    return answer;
  };
}
