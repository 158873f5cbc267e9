// The SOAP half of the hand-written Magento baseline: plain node-soap calls in a loop, no retries, no framework.
import soap from 'soap';
import { overrideSoapencImport } from '../nodes/magento/transport/open-soap.ts';
import { normalize } from '../nodes/magento/wire/normalize.ts';
import { REPLY_TYPES, replyPart, type MagentoOperation } from '../nodes/magento/wire/operations.ts';

type Row = Record<string, unknown>;
type Method = (args: unknown) => Promise<[unknown]>;

/** A logged-in shop session: `call` returns normalized replies; `pool` runs `fn` over items, `limit` at a time. */
export interface BaselineShop {
  call<T>(operation: MagentoOperation, args?: Row): Promise<T>;
  /** Calls that fail with one of `codes` (e.g. quote not found) resolve to undefined. */
  tryCall<T>(operation: MagentoOperation, args: Row, codes: string[]): Promise<T | undefined>;
  /** Every row of a list operation, walked in `updated_at` windows of `days` from `from` up to now, sorted by id. */
  windows(operation: MagentoOperation, from: string, days: number, idOf: (row: Row) => number): AsyncGenerator<Row[]>;
  end(): Promise<void>;
}

const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Logs in to the shop. */
export async function openBaselineShop(wsdlUrl: string, apiKey: string): Promise<BaselineShop> {
  const client = await soap.createClientAsync(wsdlUrl, { disableCache: true, attributesKey: '$attributes', wsdl_options: { overrideImportLocation: overrideSoapencImport } });
  const methods = client as unknown as Record<string, Method>;
  const raw = async (operation: MagentoOperation, args: Row) => normalize(replyPart((await methods[`${operation}Async`].call(client, args))[0]), REPLY_TYPES[operation]);
  const sessionId = String(await raw('login', { username: 'oro', apiKey }));
  const call = <T>(operation: MagentoOperation, args: Row = {}) => raw(operation, { sessionId, ...args }) as Promise<T>;
  return {
    call,
    async tryCall<T>(operation: MagentoOperation, args: Row, codes: string[]) {
      try {
        return await call<T>(operation, args);
      } catch (error) {
        const code = (error as { root?: { Envelope?: { Body?: { Fault?: { faultcode?: unknown } } } } }).root?.Envelope?.Body?.Fault?.faultcode;
        if (codes.includes(String(code))) return undefined;
        throw error;
      }
    },
    async *windows(operation, from, days, idOf) {
      for (let start = Date.parse(`${from.replace(' ', 'T')}Z`); ; start += days * 86_400_000) {
        const next = start + days * 86_400_000;
        const final = next > Date.now();
        const items = [{ key: 'updated_at', value: { key: 'from', value: fmt(start) } }];
        if (!final) items.push({ key: 'updated_at', value: { key: 'to', value: fmt(next - 1000) } });
        const rows = await call<Row[]>(operation, { filters: { complex_filter: { item: items } } });
        yield rows.sort((a, b) => idOf(a) - idOf(b));
        if (final) return;
      }
    },
    end: async () => {
      await call('endSession');
    },
  };
}

/** Maps `items` through `fn`, `limit` calls at a time, keeping order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
