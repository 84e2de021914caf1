/** Turns GtoPdb's HTML-flavoured names (`5-HT<sub>2A</sub>`, `&alpha;<sub>1A</sub>`, `K<SUB>v</SUB>11.1`) into plain text. */

const NAMED_ENTITIES: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', iota: 'ι',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Alpha: 'Α', Beta: 'Β', Gamma: 'Γ', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω', Phi: 'Φ', Psi: 'Ψ', Lambda: 'Λ', Theta: 'Θ',
  agrave: 'à', aacute: 'á', eacute: 'é', egrave: 'è', iacute: 'í', oacute: 'ó', uacute: 'ú',
  auml: 'ä', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', ccedil: 'ç', ntilde: 'ñ',
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plusmn: '±', reg: '®', trade: '™', prime: '′',
  middot: '·', times: '×', ndash: '–', mdash: '—',
};

/** Only these tags are markup; other `<…>` text (e.g. a synonym `<CDC2>`) is kept as written. */
const MARKUP_TAG = /<\/?(?:sub|sup|i|em|b|strong|small|br|span|font)\b[^>]*>/gi;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

export function stripMarkup(text: string): string {
  return decodeEntities(text.replace(MARKUP_TAG, '')).replace(/\s+/g, ' ').trim();
}
