/** Greek letters as writers type them in Unicode, LaTeX and HTML, mapped to the ASCII word used for matching. */
export const GREEK_BY_CHAR: ReadonlyMap<string, string> = new Map([
  ['α', 'alpha'], ['β', 'beta'], ['γ', 'gamma'], ['δ', 'delta'], ['ε', 'epsilon'], ['ζ', 'zeta'],
  ['η', 'eta'], ['θ', 'theta'], ['ι', 'iota'], ['κ', 'kappa'], ['λ', 'lambda'], ['μ', 'mu'], ['µ', 'mu'],
  ['ν', 'nu'], ['ξ', 'xi'], ['π', 'pi'], ['ρ', 'rho'], ['σ', 'sigma'], ['ς', 'sigma'], ['τ', 'tau'],
  ['υ', 'upsilon'], ['φ', 'phi'], ['χ', 'chi'], ['ψ', 'psi'], ['ω', 'omega'],
  ['Α', 'alpha'], ['Β', 'beta'], ['Γ', 'gamma'], ['Δ', 'delta'], ['Κ', 'kappa'], ['Σ', 'sigma'], ['Ω', 'omega'],
]);

export const GREEK_WORDS: ReadonlySet<string> = new Set(GREEK_BY_CHAR.values());

/** `\alpha`, `\Alpha`, `\textalpha`, `\upalpha`, `\varepsilon`, `\mathrm{\alpha}`'s `\alpha` … → `alpha` … */
const GREEK_BY_LATEX_COMMAND: ReadonlyMap<string, string> = new Map(
  [...GREEK_WORDS].flatMap((word) =>
    ['', 'text', 'up', 'var', 'mathrm', 'b'].flatMap((prefix) => [
      [`${prefix}${word}`, word] as const,
      [`${prefix}${word[0].toUpperCase()}${word.slice(1)}`, word] as const,
    ]),
  ),
);

export function greekWordOfLatexCommand(command: string): string | undefined {
  return GREEK_BY_LATEX_COMMAND.get(command);
}
