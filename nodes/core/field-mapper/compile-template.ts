import { compileGetter, type PathGetter } from './paths.ts';

const TOKEN = /\{\{|\}\}|\{([^{}]+)\}/g;

function piece(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Compiles a template such as `"{firstName} {lastName}"` into a function of the record: plain placeholder
 * substitution by dotted path, never evaluated code. Missing values become empty; the result is trimmed.
 * `{{` and `}}` write literal braces.
 * @example compileTemplate('{first} {last}')({ first: 'Ada' }) // 'Ada'
 */
export function compileTemplate(template: string): (record: unknown) => string {
  const literals: string[] = [];
  const getters: PathGetter[] = [];
  let last = 0;
  let literal = '';
  for (const match of template.matchAll(TOKEN)) {
    literal += template.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1] === undefined) {
      literal += match[0][0];
      continue;
    }
    literals.push(literal);
    getters.push(compileGetter(match[1].trim()));
    literal = '';
  }
  literals.push(literal + template.slice(last));
  return (record) => {
    let out = literals[0];
    for (let i = 0; i < getters.length; i++) out += piece(getters[i](record)) + literals[i + 1];
    return out.trim();
  };
}
