/**
 * Scan-stage benchmark: median milliseconds per MB over 10 runs for a generated 1 MB Markdown and LaTeX manuscript.
 * Run: node --import tsx scripts/bench-scan.ts
 * Real numbers come from the bundle only (tsx adds a getter call per imported binding use):
 *   npx esbuild scripts/bench-scan.ts --bundle --platform=node --outfile=dist/bench-scan.js && node dist/bench-scan.js
 */
import { scanDocument } from '../server/src/service/scan/index';
import type { DocumentFormat } from '../server/src/service/scan/types';

const markdownParagraphs = (i: number): string => `
## Results ${i} {#sec-results-${i}}

Amitriptyline inhibited the serotonin transporter (SERT) with $K_i = ${(i % 97) / 10 + 1}$ nM [@owens1997; @tatsumi1997, p. 3],
while nortriptyline preferred NET ($K_\\mathrm{i}$ = 4.37 nM) as @sanchez1999 reported. The 5-HT<sub>2A</sub> receptor
affinity (see @tbl-affinity-${i}) was lower; IC~50~ values above 1 µM are listed at <https://www.guidetopharmacology.org/>
and in [the review](https://doi.org/10.1000/xyz${i} "Review"). Contact: author${i}@example.org. \`ki <- 4.3\` is code.
<!-- pharmalens-disable-next-line -->
Desipramine binds NET with $$K_d = 0.8\\,\\text{nM}$$ and blocks hERG \\(IC_{50} = 1.4\\ \\mu M\\).

| Compound | SERT K~i~ (nM) | NET K~i~ (nM) | Ref. |
|----------|:--------------:|--------------:|------|
| Amitriptyline | 4.3 | 35 | [@owens1997] |
| Nortriptyline | 18 | 4.37 | [@tatsumi1997] |
| Imipramine \\| IMI | 1.4 | 37 | @owens1997 |

: Affinities of tricyclic antidepressants {#tbl-affinity-${i}}

\`\`\`{r}
#| label: fig-ki-${i}
ggplot(ki, aes(compound, value)) + geom_col()
\`\`\`

- Clomipramine is the most SERT-selective TCA ($K_i$ = 0.28 nM), see https://en.wikipedia.org/wiki/Clomipramine.
- Doxepin is a potent H1 antagonist (K~d~ = 0.24 nM) [-@richelson1984].
`;

const latexParagraphs = (i: number): string => String.raw`
\section{Results ${i}}\label{sec:results-${i}}
% pharmalens-disable-next-line
Amitriptyline inhibited the serotonin transporter (SERT) with $K_i = ${(i % 97) / 10 + 1}$~nM \citep[see][p.~3]{owens1997,tatsumi1997},
while nortriptyline preferred NET ($K_\mathrm{i} = \SI{4.37}{\nano\molar}$) as \textcite{sanchez1999} reported (Fig.~\ref{fig:ki-${i}}).
The 5-HT\textsubscript{2A} affinity was lower; see \url{https://www.guidetopharmacology.org/} and \href{https://doi.org/10.1000/x}{the review}.
\begin{equation}
  K_i = \frac{IC_{50}}{1 + [L]/K_d} \label{eq:cheng-prusoff-${i}}
\end{equation}
\begin{table}[ht]
  \centering
  \caption{Affinities of tricyclic antidepressants (nM)}\label{tab:ki-${i}}
  \begin{tabular}{lrrl}
    \toprule
    Compound & \multicolumn{1}{c}{SERT $K_i$} & NET $K_i$ & Ref. \\
    \midrule
    Amitriptyline & 4.3 & 35 & \cite{owens1997} \\
    Nortriptyline & 18 & 4.37 & \cite{tatsumi1997} \\ % checked
    Imipramine \& IMI & 1.4 & 37 & \cite{owens1997} \\
    \bottomrule
  \end{tabular}
\end{table}
\begin{verbatim}
ki <- c(4.3, 18, 1.4)
\end{verbatim}
Desipramine binds NET with \(K_d = 0.8\,\mathrm{nM}\) and blocks hERG \[IC_{50} = 1.4\ \mu\mathrm{M}.\]
`;

/** A realistic manuscript of at least `targetLength` UTF-16 code units. */
export function generateManuscript(format: DocumentFormat, targetLength = 1_000_000): string {
  const parts: string[] = [
    format === 'markdown'
      ? '---\ntitle: "Tricyclics"\nbibliography: [refs.bib, extra.bib]\n---\n'
      : String.raw`\documentclass{article}\usepackage{booktabs}\addbibresource{refs.bib}\begin{document}` + '\n',
  ];
  let length = parts[0]!.length;
  for (let i = 0; length < targetLength; i++) {
    const paragraph = format === 'markdown' ? markdownParagraphs(i) : latexParagraphs(i);
    parts.push(paragraph);
    length += paragraph.length;
  }
  if (format === 'latex') parts.push('\\end{document}\n');
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface BenchmarkResult {
  bytes: number;
  /** Median wall-clock milliseconds per MB. */
  msPerMb: number;
  /** Median process CPU milliseconds per MB (less sensitive to other load on the machine). */
  cpuMsPerMb: number;
  /** The same for one Unicode-regex word tokenization pass over the text: the floor any analysis pays. */
  floorMsPerMb: number;
}

function measure(run: () => void, runs: number, megabytes: number): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall) / megabytes, cpu: median(cpu) / megabytes };
}

export function benchmark(format: DocumentFormat, runs = 10): BenchmarkResult {
  const text = generateManuscript(format);
  const bytes = Buffer.byteLength(text, 'utf8');
  const megabytes = bytes / 1_000_000;
  const probe = scanDocument(text, format);
  if (probe.skipped.length === 0) throw new Error(`the ${format} scan found nothing: did it fail?`);
  const scan = measure(() => scanDocument(text, format), runs, megabytes);
  const floor = measure(
    () => {
      let words = 0;
      for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) words++;
      return words;
    },
    runs,
    megabytes,
  );
  return { bytes, msPerMb: scan.wall, cpuMsPerMb: scan.cpu, floorMsPerMb: floor.wall };
}

/** True when this file is the entry point, under tsx and as an esbuild CommonJS bundle (which has no `import.meta`). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return /bench-scan\.[cm]?[jt]s$/.test(entry);
}

if (isEntryPoint()) {
  for (const format of ['markdown', 'latex'] as const) {
    const result = benchmark(format);
    console.log(
      `${format.padEnd(8)} ${(result.bytes / 1e6).toFixed(2)} MB  scan median ${result.msPerMb.toFixed(1)} ms/MB ` +
        `(CPU ${result.cpuMsPerMb.toFixed(1)} ms/MB), regex-tokenization floor ${result.floorMsPerMb.toFixed(1)} ms/MB, 10 runs`,
    );
  }
}
