/** Glob patterns, small and dependency-free: `*`, `?`, `**`, `[abc]` and `{a,b}`, matched against `/`-separated paths. */

export function hasGlobCharacters(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

function escapeRegExp(character: string): string {
  return /[\\^$.|+()[\]{}*?]/.test(character) ? `\\${character}` : character;
}

function translate(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (pattern.startsWith('**/', index)) {
      source += '(?:[^/]*/)*';
      index += 2;
    } else if (pattern.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '[' && pattern.indexOf(']', index + 1) > index + 1) {
      const close = pattern.indexOf(']', index + 1);
      const body = pattern.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      index = close;
    } else if (character === '{' && pattern.indexOf('}', index) > index) {
      const close = pattern.indexOf('}', index);
      source += `(?:${pattern.slice(index + 1, close).split(',').map(translate).join('|')})`;
      index = close;
    } else {
      source += escapeRegExp(character);
    }
  }
  return source;
}

export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern)}$`);
}

/** The leading segments of a pattern that hold no glob character: the folder to walk. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex(hasGlobCharacters);
  const base = segments.slice(0, firstGlob < 0 ? segments.length : firstGlob).join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}
