/**
 * A quoted value as a reader sees it, for messages, cards and tables: `\SI{0.345}{\nano\molar}` → `0.345 nM`,
 * `80~nM` → `80 nM`, `4.4$~nM` → `4.4 nM`, `= 3 nM` → `3 nM`, `K$_i$` → `Ki`. Edits still use the text as written.
 */
const SI_PREFIXES: Record<string, string> = { pico: 'p', nano: 'n', micro: 'µ', milli: 'm', femto: 'f' };

const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '−': '⁻', '+': '⁺' };

/** `10^{-9}` → `10⁻⁹`; a superscript that is not a signed number keeps its caret. */
function superscript(text: string): string {
  return /^[-−+]?\d+$/.test(text) ? [...text].map((character) => SUPERSCRIPTS[character]!).join('') : `^${text}`;
}

/** siunitx unit macros: `\nano\molar` → `nM`, `\micro M` → `µM`. */
function siUnit(units: string): string {
  return units
    .replace(/\\(pico|nano|micro|milli|femto)\s*/g, (_, prefix: string) => SI_PREFIXES[prefix]!)
    .replace(/\\(?:molar|Molar|mol\s*\\per\s*\\litre|M)\b/g, 'M')
    .replace(/\\per\s*/g, '/')
    .replace(/\s+/g, '');
}

export function renderedText(written: string): string {
  return written
    .replace(/(\w)~([^~\s]{1,6})~/g, '$1$2')
    .replace(/<su[bp]>([^<]*)<\/su[bp]>/gi, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\(?:SI|qty)\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, value: string, units: string) => `${value} ${siUnit(units)}`)
    .replace(/\\(?:si|unit)\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}/g, (_, units: string) => siUnit(units))
    .replace(/\\num\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:textmu|micro|mu)\b\s*/g, 'µ')
    .replace(/\\pm\b\s*/g, '± ')
    .replace(/\\times\b\s*/g, '× ')
    .replace(/\\(?:le|leq)\b\s*/g, '≤ ')
    .replace(/\\(?:ge|geq)\b\s*/g, '≥ ')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\%/g, '%')
    .replace(/\\(?:text|mathrm|textrm|mathit|emph|textit|textbf|mathbf|ensuremath)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[A-Za-z]+\s*/g, '')
    .replace(/\^\{([^{}]*)\}/g, (_, text: string) => superscript(text.trim()))
    .replace(/\^([-−+]?\d)/g, (_, text: string) => superscript(text))
    .replace(/_\{([^{}]*)\}/g, '$1')
    .replace(/_(\w)/g, '$1')
    .replace(/[$~{}]/g, (character) => (character === '~' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .replace(/^\s*[=:]\s*/, '')
    .trim();
}
