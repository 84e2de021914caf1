/** JSON Schema (draft-07) of the knowledge base artifact and of user-supplied knowledge-base files. */

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const stringList = { type: 'array', items: nonEmptyString } as const;
const speciesSymbols = {
  type: 'object',
  additionalProperties: false,
  properties: { human: nonEmptyString, rat: nonEmptyString, mouse: nonEmptyString },
} as const;

export const knowledgeBaseDefinitions = {
  reference: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'authors', 'title', 'citationKey'],
    properties: {
      id: nonEmptyString,
      authors: { type: 'string' },
      title: { type: 'string' },
      journal: nonEmptyString,
      year: { type: 'integer', minimum: 1800, maximum: 2100 },
      volume: nonEmptyString,
      issue: nonEmptyString,
      pages: nonEmptyString,
      doi: { type: 'string', pattern: '^10\\.[0-9]{4,9}/\\S+$' },
      pmid: { type: 'string', pattern: '^[0-9]{1,9}$' },
      pmcid: { type: 'string', pattern: '^PMC[0-9]+$' },
      url: nonEmptyString,
      citationKey: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9:_-]*$' },
      confirmed: { type: 'boolean' },
      note: nonEmptyString,
      kind: { enum: ['paper', 'review', 'database', 'vendor', 'web-page'] },
    },
  },
  compound: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'synonyms'],
    properties: {
      id: nonEmptyString,
      name: nonEmptyString,
      synonyms: stringList,
      brandNames: stringList,
      class: nonEmptyString,
      gtopdbLigandId: { type: 'integer', minimum: 1 },
      pubchemCid: { type: 'integer', minimum: 1 },
      chemblId: { type: 'string', pattern: '^CHEMBL[0-9]+$' },
      type: nonEmptyString,
      approved: { type: 'boolean' },
    },
  },
  pathwayRole: {
    type: 'object',
    additionalProperties: false,
    required: ['role', 'confirmed'],
    properties: { role: nonEmptyString, referenceId: nonEmptyString, confirmed: { type: 'boolean' }, evidence: nonEmptyString },
  },
  target: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'synonyms', 'genes', 'roles'],
    properties: {
      id: nonEmptyString,
      name: nonEmptyString,
      abbreviation: nonEmptyString,
      synonyms: stringList,
      genes: speciesSymbols,
      uniprot: speciesSymbols,
      family: nonEmptyString,
      type: nonEmptyString,
      gtopdbId: { type: 'integer', minimum: 1 },
      members: stringList,
      roles: { type: 'array', items: { $ref: '#/definitions/pathwayRole' } },
    },
  },
  affinity: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'compound', 'measure', 'relation', 'valueNm', 'asWritten', 'species', 'referenceId', 'grade', 'origin'],
    properties: {
      id: nonEmptyString,
      compound: nonEmptyString,
      target: nonEmptyString,
      effect: nonEmptyString,
      measure: { enum: ['Ki', 'Kd', 'IC50', 'EC50', 'Kb', 'pA2', 'conc'] },
      relation: { enum: ['=', '<', '>', '~', '<=', '>='] },
      valueNm: { type: 'number', exclusiveMinimum: 0 },
      valueHighNm: { type: 'number', exclusiveMinimum: 0 },
      asWritten: nonEmptyString,
      species: nonEmptyString,
      assay: nonEmptyString,
      conditions: nonEmptyString,
      referenceId: nonEmptyString,
      otherReferenceIds: stringList,
      action: nonEmptyString,
      primaryTarget: { type: 'boolean' },
      grade: { enum: ['primary', 'database', 'vendor'] },
      origin: nonEmptyString,
      note: nonEmptyString,
      outlier: { type: 'boolean' },
      duplicateOf: nonEmptyString,
    },
    anyOf: [{ required: ['target'] }, { required: ['effect'] }],
  },
  pathway: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'description', 'steps', 'members', 'compounds', 'referenceIds'],
    properties: {
      id: nonEmptyString,
      name: nonEmptyString,
      description: nonEmptyString,
      steps: stringList,
      members: stringList,
      compounds: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['compound', 'action', 'referenceIds'],
          properties: { compound: nonEmptyString, action: nonEmptyString, referenceIds: stringList },
        },
      },
      referenceIds: stringList,
    },
  },
} as const;

const collections = {
  compounds: { type: 'array', items: { $ref: '#/definitions/compound' } },
  targets: { type: 'array', items: { $ref: '#/definitions/target' } },
  affinities: { type: 'array', items: { $ref: '#/definitions/affinity' } },
  pathways: { type: 'array', items: { $ref: '#/definitions/pathway' } },
  references: { type: 'array', items: { $ref: '#/definitions/reference' } },
  stopNames: stringList,
} as const;

/** The complete artifact (`dist/kb.json`). */
export const knowledgeBaseSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pharmalens.invalid/schema/knowledge-base.json',
  title: 'PharmaLens knowledge base',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'builtFrom', 'compounds', 'targets', 'affinities', 'pathways', 'references', 'stopNames'],
  properties: { version: nonEmptyString, builtFrom: stringList, ...collections },
  definitions: knowledgeBaseDefinitions,
} as const;

/** A user-supplied extra file: every collection optional; its entries may refer to ids of the base knowledge base. */
export const knowledgeBaseExtensionSchema = {
  ...knowledgeBaseSchema,
  $id: 'https://pharmalens.invalid/schema/knowledge-base-extension.json',
  title: 'PharmaLens knowledge base extension',
  description: 'Extra knowledge for PharmaLens (pharmalens.knowledgeBase.extraFiles, pharmalens check --kb): entries with the id of a bundled entry replace it; affinity records whose ids start with one of "replaces" replace the bundled ones.',
  required: [],
  properties: {
    ...knowledgeBaseSchema.properties,
    $schema: { type: 'string' },
    replaces: { ...stringList, description: 'Id prefixes of bundled affinity records this file supersedes, e.g. "gtopdb:" for an imported GtoPdb release.' },
  },
} as const;
