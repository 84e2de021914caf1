/** What a format scanner hands to the later stages. All offsets are UTF-16 offsets into the source text. */

export interface Span {
  start: number;
  end: number;
}

export type SkipReason = 'code' | 'comment' | 'url' | 'citation-key' | 'label' | 'front-matter' | 'command-arg' | 'html';

export interface SkippedSpan extends Span {
  reason: SkipReason;
}

export interface CitationKey extends Span {
  key: string;
}

export interface Citation extends Span {
  /** `cite`, `citep`, `parencite`, ... for LaTeX; `pandoc` for `[@key]` / `@key`. */
  command: string;
  keys: CitationKey[];
}

export interface TableCell extends Span {
  /** The cell's source text, trimmed. */
  text: string;
  /** The columns the cell spans (`\multicolumn{3}`, `colspan="3"`) when more than one. */
  columns?: number;
}

export interface Table extends Span {
  /** Rows of cells; the first row is the header when `hasHeader`. */
  rows: TableCell[][];
  hasHeader: boolean;
  caption?: Span & { text: string };
  /**
   * Grid tables, whose cells run over several lines: each line is a row, and this gives the table row (0, 1, …) each
   * line belongs to.
   */
  rowGroups?: number[];
}

export interface BibliographyDeclaration extends Span {
  /** As written, e.g. `refs/main.bib` or `main` (LaTeX `\bibliography{main}` without extension). */
  path: string;
}

export interface ScannedDocument {
  text: string;
  /**
   * The source with every skipped span (code, comments, URLs, citation keys, labels, front matter…) replaced by spaces;
   * newlines are kept, so offsets and line numbers are the same as in `text`. Math and markup stay.
   */
  masked: string;
  skipped: SkippedSpan[];
  math: Span[];
  citations: Citation[];
  tables: Table[];
  bibliographies: BibliographyDeclaration[];
  /** Parsed YAML front matter (Markdown/Quarto), if any. */
  frontMatter?: { span: Span; data?: unknown; error?: string };
  /**
   * Where a block still open at the end of the text began (LaTeX display math or an environment the scanner acts on,
   * never closed): the text after it is read inside that block.
   */
  unclosed?: number;
  /** LaTeX table floats (`table`, `table*` …), which give their caption to the tables in them; absent when none. */
  floats?: Span[];
}

export type DocumentFormat = 'markdown' | 'latex';
