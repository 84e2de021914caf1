import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ScanCollector } from './collector';
import type { LineIndex } from './lines';
import type { ScannedDocument } from './types';

export interface FrontMatterResult {
  frontMatter?: ScannedDocument['frontMatter'];
  /** The first line after the front matter (0 when there is none). */
  nextLine: number;
}

/**
 * Pandoc/Quarto YAML metadata at the start of the file: a `---` line, a non-blank line, …, a closing `---` or `...`
 * line. An unclosed block is not front matter (Pandoc reads it as a rule and text).
 */
export function scanFrontMatter(text: string, lines: LineIndex, out: ScanCollector): FrontMatterResult {
  if (lines.count < 2) return { nextLine: 0 };
  const openingStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.slice(openingStart, lines.ends[0]).trimEnd() !== '---') return { nextLine: 0 };
  if (text.slice(lines.starts[1], lines.ends[1]).trim() === '') return { nextLine: 0 };
  const closingLine = findClosingLine(text, lines);
  if (closingLine < 0) return { nextLine: 0 };

  const span = { start: 0, end: lines.ends[closingLine]! };
  out.skip(span.start, span.end, 'front-matter');
  const contentStart = lines.starts[1]!;
  const content = text.slice(contentStart, lines.starts[closingLine]);
  return { frontMatter: { span, ...parseYaml(content, contentStart, out) }, nextLine: closingLine + 1 };
}

function findClosingLine(text: string, lines: LineIndex): number {
  for (let line = 1; line < lines.count; line++) {
    const content = text.slice(lines.starts[line], lines.ends[line]).trimEnd();
    if (content === '---' || content === '...') return line;
  }
  return -1;
}

function parseYaml(content: string, contentStart: number, out: ScanCollector): { data?: unknown; error?: string } {
  try {
    const document = parseDocument(content, { prettyErrors: false, uniqueKeys: false });
    collectBibliographies(document.contents, contentStart, out);
    if (document.errors.length > 0) return { error: document.errors[0]!.message };
    return { data: document.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The paths of every top-level `bibliography` key (a duplicated key too: each may be the one the writer filled). */
function collectBibliographies(contents: unknown, contentStart: number, out: ScanCollector): void {
  if (!isMap(contents)) return;
  const values = contents.items.filter((pair) => isScalar(pair.key) && pair.key.value === 'bibliography').map((pair) => pair.value as YamlNode | null);
  const scalars = values.flatMap((value) => (isSeq(value) ? value.items : [value]));
  for (const item of scalars) {
    if (!isScalar(item) || !item.range || typeof item.value !== 'string' || item.value === '') continue;
    const quoted = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE';
    const start = contentStart + item.range[0] + (quoted ? 1 : 0);
    const end = contentStart + item.range[1] - (quoted ? 1 : 0);
    out.bibliographies.push({ start, end, path: item.value });
  }
}
