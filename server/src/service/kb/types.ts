/** The knowledge base as the language service sees it: plain data, loaded once. */

export type Grade = 'primary' | 'database' | 'vendor';

/** How an affinity was measured. `conc` is a functional effective concentration (e.g. Trk activation, neurite outgrowth). */
export type Measure = 'Ki' | 'Kd' | 'IC50' | 'EC50' | 'Kb' | 'pA2' | 'conc';

export type Relation = '=' | '<' | '>' | '~' | '<=' | '>=';

export interface Reference {
  id: string;
  /** "Jo SH, Youm JB, Lee CO, Earm YE, Ho WK" style, or empty when the source does not show authors. */
  authors: string;
  title: string;
  journal?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
  /** Suggested BibTeX key, e.g. `jo2000amitriptyline`. */
  citationKey: string;
  /** `false` when only the bibliographic record was seen and the statement it supports was not read. */
  confirmed?: boolean;
  /** Free text on where the record was seen / caveats. */
  note?: string;
  /** What kind of source this is: a vendor sheet or a web page is shown as such, never as a paper. */
  kind?: 'paper' | 'review' | 'database' | 'vendor' | 'web-page';
}

export interface Compound {
  id: string;
  name: string;
  synonyms: string[];
  brandNames?: string[];
  class?: string;
  gtopdbLigandId?: number;
  pubchemCid?: number;
  chemblId?: string;
  /** GtoPdb ligand type (Synthetic organic, Peptide, Metabolite, ...). */
  type?: string;
  /** An approved drug (GtoPdb's flag). */
  approved?: boolean;
}

export interface PathwayRole {
  role: string;
  referenceId?: string;
  /** `false` when the reference was not read for this statement: the hover must say so. */
  confirmed: boolean;
  evidence?: string;
}

export interface Target {
  id: string;
  name: string;
  abbreviation?: string;
  synonyms: string[];
  genes: { human?: string; rat?: string; mouse?: string };
  uniprot?: { human?: string; rat?: string; mouse?: string };
  family?: string;
  /** GtoPdb target type (gpcr, lgic, vgic, transporter, enzyme, ...) or `group` / `complex` for curated groupings. */
  type?: string;
  gtopdbId?: number;
  /** For groups and complexes (e.g. muscarinic receptors M1–M5, NMDA receptor): ids of member targets. */
  members?: string[];
  roles: PathwayRole[];
}

export interface AffinityRecord {
  id: string;
  compound: string;
  /** Target id; absent for a functional effect without a single molecular target (see `effect`). */
  target?: string;
  effect?: string;
  measure: Measure;
  relation: Relation;
  /** Value in nM (the low end of a range). */
  valueNm: number;
  /** High end of a range, in nM. */
  valueHighNm?: number;
  /** The value as the source wrote it, e.g. `0.72 µM`, `pKi 7.83`. */
  asWritten: string;
  species: string;
  assay?: string;
  conditions?: string;
  referenceId: string;
  /** Further papers the source cites for the same value (GtoPdb lists several PubMed IDs for some rows). */
  otherReferenceIds?: string[];
  /** What the compound does there: `Agonist (full agonist)`, `Antagonist`, `Inhibitor`, `Channel blocker` … */
  action?: string;
  /** The source marks this target as the compound's primary target. */
  primaryTarget?: boolean;
  grade: Grade;
  /** Where this record came from (seed, Tatsumi 1997, DrugCentral CHEMBL/WOMBAT-PK/PDSP, ...). */
  origin: string;
  note?: string;
  /** QC: an outlier is shown in hovers with a warning and never drives a diagnostic. */
  outlier?: boolean;
  /** Id of the primary-source record this one copies (e.g. a DrugCentral row equal to Tatsumi 1997): not an independent measurement. */
  duplicateOf?: string;
}

export interface Pathway {
  id: string;
  name: string;
  description: string;
  /** Ordered steps, e.g. TrkA/TrkB → Ras → Raf → MEK → ERK → neurite outgrowth. */
  steps: string[];
  /** Target ids that take part. */
  members: string[];
  /** Compounds known to act on the pathway, with how. */
  compounds: { compound: string; action: string; referenceIds: string[] }[];
  referenceIds: string[];
}

export interface KnowledgeBase {
  version: string;
  builtFrom: string[];
  compounds: Compound[];
  targets: Target[];
  affinities: AffinityRecord[];
  pathways: Pathway[];
  references: Reference[];
  /** Names (lower case) that must never be recognized as a mention: common words, ions, ambiguous symbols. */
  stopNames: string[];
}
