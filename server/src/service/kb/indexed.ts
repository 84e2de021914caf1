import type { AffinityRecord, Compound, KnowledgeBase, Pathway, Reference, Target } from './types';

/** The knowledge base with the look-ups every stage needs, built once. */
export interface IndexedKnowledgeBase {
  readonly kb: KnowledgeBase;
  compound(id: string): Compound | undefined;
  target(id: string): Target | undefined;
  reference(id: string): Reference | undefined;
  affinitiesOfCompound(id: string): readonly AffinityRecord[];
  affinitiesAtTarget(id: string): readonly AffinityRecord[];
  /** Groups and complexes that contain the target (e.g. CHRM1 → muscarinic receptors). */
  groupsContaining(targetId: string): readonly Target[];
  pathwaysOfCompound(id: string): readonly Pathway[];
  pathwaysOfTarget(id: string): readonly Pathway[];
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly (string | undefined)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      if (key === undefined) continue;
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export function indexKnowledgeBase(kb: KnowledgeBase): IndexedKnowledgeBase {
  const compounds = new Map(kb.compounds.map((compound) => [compound.id, compound]));
  const targets = new Map(kb.targets.map((target) => [target.id, target]));
  let references: Map<string, Reference> | undefined;
  // Grouped on first use: the bundled records are read only when a check or a card first needs them.
  let byCompound: Map<string, AffinityRecord[]> | undefined;
  let byTarget: Map<string, AffinityRecord[]> | undefined;
  const groupsByMember = groupBy(kb.targets, (target) => target.members ?? []);
  const pathwaysByCompound = groupBy(kb.pathways, (pathway) => pathway.compounds.map((entry) => entry.compound));
  const pathwaysByTarget = groupBy(kb.pathways, (pathway) => pathway.members);
  const none: never[] = [];
  return {
    kb,
    compound: (id) => compounds.get(id),
    target: (id) => targets.get(id),
    reference: (id) => (references ??= new Map(kb.references.map((reference) => [reference.id, reference]))).get(id),
    affinitiesOfCompound: (id) => (byCompound ??= groupBy(kb.affinities, (record) => [record.compound])).get(id) ?? none,
    affinitiesAtTarget: (id) => (byTarget ??= groupBy(kb.affinities, (record) => [record.target])).get(id) ?? none,
    groupsContaining: (id) => groupsByMember.get(id) ?? none,
    pathwaysOfCompound: (id) => pathwaysByCompound.get(id) ?? none,
    pathwaysOfTarget: (id) => pathwaysByTarget.get(id) ?? none,
  };
}
