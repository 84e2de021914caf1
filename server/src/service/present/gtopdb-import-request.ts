/** The request behind the command *Import GtoPdb Download…*: the server imports the files and writes the result. */
export const IMPORT_GTOPDB_REQUEST = 'pharmalens/importGtopdb';

export interface ImportGtopdbParams {
  /** Paths of interactions.csv and optionally ligands.csv, targets_and_families.csv. */
  files: string[];
  /** Path of the knowledge-base file to write. */
  out: string;
  /** The release, when the files have no banner naming it. */
  release?: string;
}

export interface ImportGtopdbResult {
  outFile: string;
  release: string;
  records: number;
  skippedRows: number;
  /** What was read and written, one line each. */
  summary: string[];
}
