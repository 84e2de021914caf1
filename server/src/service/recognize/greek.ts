/** Greek letters as writers type them in Unicode, LaTeX and HTML, mapped to the ASCII word used for matching. */
export const GREEK_BY_CHAR: ReadonlyMap<string, string> = new Map([
  ['α', 'alpha'], ['β', 'beta'], ['γ', 'gamma'], ['δ', 'delta'], ['ε', 'epsilon'], ['ζ', 'zeta'],
  ['η', 'eta'], ['θ', 'theta'], ['ι', 'iota'], ['κ', 'kappa'], ['λ', 'lambda'], ['μ', 'mu'], ['µ', 'mu'],
  ['ν', 'nu'], ['ξ', 'xi'], ['π', 'pi'], ['ρ', 'rho'], ['σ', 'sigma'], ['ς', 'sigma'], ['τ', 'tau'],
  ['υ', 'upsilon'], ['φ', 'phi'], ['χ', 'chi'], ['ψ', 'psi'], ['ω', 'omega'],
  ['Α', 'alpha'], ['Β', 'beta'], ['Γ', 'gamma'], ['Δ', 'delta'], ['Κ', 'kappa'], ['Σ', 'sigma'], ['Ω', 'omega'],
]);

export const GREEK_WORDS: ReadonlySet<string> = new Set(GREEK_BY_CHAR.values());

/** `\alpha`, `\textalpha`, `\upalpha`, `\varepsilon` … → `alpha` … */
export function greekWordOfLatexCommand(command: string): string | undefined {
  const lower = command.toLowerCase();
  for (const prefix of ['', 'text', 'up', 'var', 'mathrm', 'b']) {
    if (lower.startsWith(prefix) && GREEK_WORDS.has(lower.slice(prefix.length))) {
      return lower.slice(prefix.length);
    }
  }
  return undefined;
}
