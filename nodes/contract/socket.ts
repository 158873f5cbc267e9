/**
 * Socket types name what travels over a connection: `transport:magento-soap`, `records:magento.customer`,
 * `entities:person`. The part before the colon is the kind; `*` after it is a wildcard. The editor and the
 * runtime both decide compatibility with `canConnect`, so the editor never saves what the runtime refuses.
 */

/** A socket type string such as `entities:person` or `records:*`. */
export type SocketType = string;

/** The kinds a socket type may have. */
export const SOCKET_KINDS = ['transport', 'records', 'entities'] as const;

/** A parsed socket type. */
export interface ParsedSocket {
  kind: string;
  name: string;
}

/** Splits `kind:name`; throws on a string without a kind. */
export function parseSocket(socket: SocketType): ParsedSocket {
  const colon = socket.indexOf(':');
  if (colon <= 0 || colon === socket.length - 1) {
    throw new Error(`Socket type "${socket}" must look like "kind:name", for example "entities:person".`);
  }
  return { kind: socket.slice(0, colon), name: socket.slice(colon + 1) };
}

/** The verdict on a proposed connection: `reason` says why it is refused. */
export type ConnectVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether an output socket may feed an input socket, and why not.
 * @example explainConnect('entities:person', 'entities:*') // { ok: true }
 */
export function explainConnect(from: SocketType, to: SocketType): ConnectVerdict {
  const source = parseSocket(from);
  const target = parseSocket(to);
  if (source.kind !== target.kind) {
    return { ok: false, reason: `${article(source.kind)} ${source.kind} output (${from}) cannot feed ${article(target.kind)} ${target.kind} input (${to})` };
  }
  if (source.name === target.name || source.name === '*' || target.name === '*') return { ok: true };
  return { ok: false, reason: `${from} does not match ${to}` };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * True when an output of socket type `from` may be connected to an input of socket type `to`.
 * @example canConnect('records:magento.customer', 'records:*') // true
 */
export function canConnect(from: SocketType, to: SocketType): boolean {
  return explainConnect(from, to).ok;
}
