import type { Compound, KnowledgeBase, Target } from '../../server/src/service/kb/types';

export function target(id: string, name: string, extra: Partial<Target> = {}): Target {
  return { id, name, synonyms: [], genes: {}, roles: [], ...extra };
}

export function compound(id: string, name: string, extra: Partial<Compound> = {}): Compound {
  return { id, name, synonyms: [], ...extra };
}

/** A small knowledge base that exercises every naming rule without the full data set. */
export function tinyKnowledgeBase(overrides: Partial<KnowledgeBase> = {}): KnowledgeBase {
  return {
    version: 'test',
    builtFrom: [],
    compounds: [
      compound('amitriptyline', 'amitriptyline', { brandNames: ['Elavil'] }),
      compound('serotonin', 'serotonin', { synonyms: ['5-HT', '5-hydroxytryptamine'] }),
      compound('sodium', 'sodium'),
      compound('nitric-oxide', 'nitric oxide', { synonyms: ['NO'] }),
    ],
    targets: [
      target('SLC6A4', 'SERT', { synonyms: ['5-HTT', 'serotonin transporter', 'solute carrier family 6 (neurotransmitter transporter), member 4'], genes: { human: 'SLC6A4', rat: 'Slc6a4' } }),
      target('SLC6A2', 'NET', { synonyms: ['norepinephrine transporter'], genes: { human: 'SLC6A2' } }),
      target('SLC6A3', 'DAT', { synonyms: ['dopamine transporter'], genes: { human: 'SLC6A3' } }),
      target('HRH1', 'H1 receptor', { abbreviation: 'H1', synonyms: ['histamine H1 receptor'], genes: { human: 'HRH1' } }),
      target('group:alpha1', 'α1-adrenoceptor', { synonyms: ['α1-adrenergic receptor', 'alpha1-adrenoceptor'] }),
      target('ADORA2A', 'A2A receptor', { abbreviation: 'A2A', synonyms: ['A2a', 'adenosine A2A receptor'], genes: { human: 'ADORA2A' } }),
      target('KCNH2', 'Kv11.1', { abbreviation: 'hERG', genes: { human: 'KCNH2' } }),
      target('NTRK1', 'neurotrophic receptor tyrosine kinase 1', { abbreviation: 'TrkA', genes: { human: 'NTRK1' } }),
      target('SIGMAR1', 'sigma-1 receptor', { synonyms: ['σ1', 'sigma-1'], genes: { human: 'SIGMAR1' } }),
      target('CHRM1', 'M1 receptor', { abbreviation: 'M1', genes: { human: 'CHRM1' } }),
      target('HTR2A', '5-HT2A receptor', { synonyms: ['5-HT2A'], genes: { human: 'HTR2A' } }),
      target('GRIN1', 'GluN1', { synonyms: ['glutamate receptor'] }),
      target('GRIN2A', 'GluN2A', { synonyms: ['glutamate receptor'] }),
    ],
    affinities: [],
    pathways: [],
    references: [],
    stopNames: ['sodium'],
    ...overrides,
  };
}
