import type { Logger } from '../../contract/logger.ts';
import { normalize } from '../wire/normalize.ts';
import { REPLY_TYPES, replyPart, type MagentoOperation, type SoapStyle } from '../wire/operations.ts';
import { failureError, failureReason, type FailureScene } from './failure-messages.ts';
import type { SoapConnection } from './open-soap.ts';
import { withRetries, type RetryPolicy } from './retry.ts';
import { classifySoapFailure, isTransientFailure, type SoapFailure } from './soap-failure.ts';
import { createSemaphore } from './semaphore.ts';

/** The incremental-sync settings of the transport, which every connector wired to it follows. */
export interface SyncSettings {
  /** Lower bound of the first sync, Magento's `Y-m-d H:i:s` (UTC). */
  syncStartDate: string;
  windowDays: number;
  skewMinutes: number;
}

/**
 * A logged-in Magento SOAP v2 session, as connectors get it from `ctx.transport()`. `call` adds the session id,
 * unwraps and normalizes the reply by the WSDL's types, retries transient failures with backoff, and logs in again
 * once when Magento says the session expired (fault 5).
 * @example const customers = await client.call<MagentoCustomer[]>('customerCustomerList', { filters });
 */
export interface MagentoClient {
  /** How the WSDL binds: `rpc` (Magento's default) or `wsi` (WS-I document/literal). */
  readonly style: SoapStyle;
  readonly sync: SyncSettings;
  /** How many calls may be in flight at once. */
  readonly concurrency: number;
  /** Calls an operation in the session and returns its normalized reply. Throws a TributaryError. */
  call<T = unknown>(operation: MagentoOperation, args?: Record<string, unknown>): Promise<T>;
  /** The shop's clock: the `Date` header of the latest reply (the local clock before any reply). */
  serverTime(): Date;
  /** A value loaded once per session (stores, regions of a country …); a failed load is not kept. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Ends the session (endSession); never throws. */
  close(): Promise<void>;
}

/** What `createMagentoClient` needs besides the SOAP connection. */
export interface MagentoClientOptions {
  nodeId: string;
  apiUser: string;
  apiKey: string;
  /** Origin of the shop for messages (no credentials). */
  origin: string;
  timeoutMs: number;
  retry: RetryPolicy;
  concurrency: number;
  sync: SyncSettings;
  signal: AbortSignal;
  log: Logger;
}

/** A failed attempt, carrying what went wrong until retries are over. */
class CallFailure extends Error {
  constructor(readonly failure: SoapFailure) {
    super(failure.kind);
  }
}

type AsyncMethod = (args: unknown, options: object) => Promise<[unknown, ...unknown[]]>;

const isTransientCall = (error: unknown) => error instanceof CallFailure && isTransientFailure(error.failure);
const isSessionExpired = (error: unknown) =>
  error instanceof CallFailure && error.failure.kind === 'fault' && error.failure.code === '5';

/** Creates the client; call `login()` before handing it out. */
export function createMagentoClient(connection: SoapConnection, options: MagentoClientOptions): MagentoClient & { login(): Promise<void> } {
  const { client } = connection;
  const gate = createSemaphore(options.concurrency);
  const cache = new Map<string, Promise<unknown>>();
  let sessionId: string | undefined;
  let pendingLogin: Promise<string> | undefined;
  let lastDate: Date | undefined;
  const scene = (operation: string): FailureScene => ({
    nodeId: options.nodeId, operation, origin: options.origin, timeoutMs: options.timeoutMs, apiUser: options.apiUser,
  });

  const raw = async (operation: MagentoOperation, args: Record<string, unknown>, signal = options.signal): Promise<unknown> => {
    const method = (client as unknown as Record<string, AsyncMethod>)[`${operation}Async`];
    const release = await gate.acquire(signal);
    try {
      const [reply] = await method.call(client, args, { timeout: options.timeoutMs, signal });
      const headers = (client as unknown as { lastResponseHeaders?: Record<string, unknown> }).lastResponseHeaders;
      const date = new Date(String(headers?.date ?? ''));
      if (!Number.isNaN(date.getTime())) lastDate = date;
      return normalize(replyPart(reply), REPLY_TYPES[operation]);
    } catch (error) {
      throw new CallFailure(classifySoapFailure(error));
    } finally {
      release();
    }
  };

  const onRetry = (operation: string) => (error: unknown, retry: number, delayMs: number) => {
    const reason = error instanceof CallFailure ? failureReason(error.failure, scene(operation)) : String(error);
    options.log.warn(`${reason}; retry ${retry} of ${options.retry.retries} in ${delayMs} ms`);
  };

  const withPolicy = async <T>(operation: MagentoOperation, attempt: () => Promise<T>): Promise<T> => {
    let attempts = 0;
    const counted = () => {
      attempts += 1;
      return attempt();
    };
    try {
      return await withRetries(counted, options.retry, isTransientCall, options.signal, onRetry(operation));
    } catch (error) {
      if (error instanceof CallFailure) throw failureError(error.failure, scene(operation), attempts);
      throw error;
    }
  };

  const login = (): Promise<string> => {
    pendingLogin ??= withPolicy('login', () => raw('login', { username: options.apiUser, apiKey: options.apiKey }))
      .then((id) => (sessionId = String(id)))
      .finally(() => (pendingLogin = undefined));
    return pendingLogin;
  };
  const session = (): Promise<string> => (sessionId !== undefined ? Promise.resolve(sessionId) : login());
  /** Logs in again unless another call already replaced the expired session. */
  const relogin = (expired: string): Promise<string> => {
    if (sessionId !== expired) return session();
    sessionId = undefined;
    options.log.info('the Magento API session expired (fault 5); logging in again');
    return login();
  };

  return {
    style: connection.style,
    sync: options.sync,
    concurrency: options.concurrency,
    async login() {
      await login();
    },
    call<T>(operation: MagentoOperation, args: Record<string, unknown> = {}): Promise<T> {
      let relogged = false;
      return withPolicy(operation, async () => {
        const used = await session();
        try {
          return (await raw(operation, { sessionId: used, ...args })) as T;
        } catch (error) {
          if (!isSessionExpired(error) || relogged) throw error;
          relogged = true;
          return (await raw(operation, { sessionId: await relogin(used), ...args })) as T;
        }
      });
    },
    serverTime: () => lastDate ?? new Date(),
    cached<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = cache.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        cache.set(key, value);
        value.catch(() => cache.delete(key));
      }
      return value;
    },
    async close() {
      const id = sessionId;
      sessionId = undefined;
      if (id === undefined) return;
      try {
        // Not the run's signal: a cancelled run should still end its session.
        await raw('endSession', { sessionId: id }, AbortSignal.timeout(Math.min(options.timeoutMs, 5000)));
      } catch (error) {
        const reason = error instanceof CallFailure ? failureReason(error.failure, scene('endSession')) : String(error);
        options.log.debug(`ending the Magento API session failed: ${reason}`);
      }
    },
  };
}
