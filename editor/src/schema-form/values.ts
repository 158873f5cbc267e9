/** Immutable reads and writes at a path in a config object. */

/** A path into a config: property names and array indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * The key a path has in error maps and test ids.
 * @example pathKey(['columns', 0, 'name']) // 'columns.0.name'
 */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}

/** The value at `path`, or undefined. */
export function getAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path`; copies only the containers on the way. `undefined` removes an
 * object property (an array item is set to undefined only through `removeAt`).
 * @example setAt({ a: { b: 1 } }, ['a', 'c'], 2) // { a: { b: 1, c: 2 } }
 */
export function setAt(root: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const array = Array.isArray(root) ? [...root] : [];
    array[head] = setAt(array[head], rest, value);
    return array;
  }
  const object: Record<string, unknown> = typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...root } : {};
  const next = setAt(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

/** A copy of `root` without the array item at `path`. */
export function removeAt(root: unknown, path: FieldPath): unknown {
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const parent = getAt(root, parentPath);
  if (!Array.isArray(parent)) return root;
  return setAt(root, parentPath, parent.filter((_item, i) => i !== index));
}
