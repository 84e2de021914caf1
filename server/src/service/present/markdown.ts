/** Markdown helpers for hover cards. Every string that comes from data goes through `escapeMarkdown`. */

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&$]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/** A link to an https address that this program built from an identifier; anything else is rendered as plain text. */
export function link(label: string, url: string | undefined): string {
  if (!url || !/^https:\/\/[\w.-]+\/[\w./%?=&:;~+-]*$/.test(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${url})`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
