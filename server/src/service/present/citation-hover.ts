import type { BibEntry } from '../cite/bibtex';
import { recordsOfEntry } from '../cite/document';
import type { IndexedKnowledgeBase } from '../kb/indexed';
import { escapeMarkdown, link } from './markdown';
import { wellFormed } from '../well-formed';
import { affinityTable, targetName } from './affinity-rows';
import { doiUrl } from '../kb/format';


/** Hovering a citation key: the formatted reference, and the knowledge-base values that rest on it. */
export function citationHover(kb: IndexedKnowledgeBase, entry: BibEntry): string {
  const fields = entry.fields;
  const where = [fields.journal ?? fields.journaltitle ?? fields.booktitle ?? fields.publisher, fields.year ?? fields.date, fields.volume, fields.pages]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  const identifiers = [
    fields.doi ? link(`doi:${fields.doi}`, doiUrl(fields.doi)) : undefined,
    fields.pmid ? link(`PMID ${fields.pmid}`, `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(wellFormed(fields.pmid))}/`) : undefined,
  ].filter((part): part is string => Boolean(part));
  const lines = [
    `**${escapeMarkdown(entry.key)}** — ${escapeMarkdown(fields.author ?? fields.editor ?? 'no author')}: _${escapeMarkdown(fields.title ?? 'no title')}_${where ? `. ${escapeMarkdown(where)}` : ''}`,
  ];
  if (identifiers.length > 0) lines.push(identifiers.join(' · '));
  const { reference, records } = recordsOfEntry(kb, entry);
  if (!reference) lines.push('_Not a source in the PharmaLens knowledge base._');
  else if (records.length === 0) lines.push('_In the knowledge base, but no affinity value rests on it._');
  else {
    lines.push(
      `**Values from this source in the knowledge base**\n\n${affinityTable(kb, records, {
        title: 'Compound · target',
        cell: (record) => escapeMarkdown(`${kb.compound(record.compound)?.name ?? record.compound} · ${targetName(kb, record.target) ?? record.effect ?? '—'}`),
      })}`,
    );
  }
  return lines.join('\n\n');
}
