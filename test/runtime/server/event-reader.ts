/** Reads a server-sent events stream that stays open, event by event (supertest only reads streams that end). */

/** One event as it arrived. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

/** An open event stream: its status, and the next event when it comes. */
export interface OpenEventStream {
  status: number;
  contentType: string;
  /** The next event (named `name` when given), or a rejection after `timeoutMs`. */
  next(name?: string, timeoutMs?: number): Promise<ServerEvent>;
  close(): void;
}

function parseBlock(block: string): ServerEvent | undefined {
  const event = /^event: (.*)$/m.exec(block)?.[1];
  if (!event) return undefined;
  return { event, data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown };
}

/**
 * Opens `url` with fetch and parses its body as server-sent events while it streams.
 * @example const stream = await openEventStream(`${url}/api/nodes/events?token=${token}`); await stream.next('nodes:changed');
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<OpenEventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: ServerEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  const pump = async (): Promise<void> => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const parsed = parseBlock(block);
        if (parsed) events.push(parsed);
      }
      for (const wake of waiters.splice(0)) wake();
    }
  };
  void pump().catch(() => undefined);
  const next = async (name?: string, timeoutMs = 10_000): Promise<ServerEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = events.findIndex((item) => name === undefined || item.event === name);
      if (index >= 0) return events.splice(index, 1)[0];
      if (Date.now() > deadline) throw new Error(`no "${name ?? 'any'}" event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    next,
    close: () => controller.abort(),
  };
}
