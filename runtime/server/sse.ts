import type { Response } from 'express';

/** Writes server-sent events to one response. */
export interface EventStream {
  /** Sends `event: <name>` with `data` as one line of JSON. */
  send(name: string, data: unknown): void;
  /** Ends the stream. */
  close(): void;
}

/**
 * Turns a response into a server-sent events stream: the SSE headers, a comment every `heartbeatMs` so
 * proxies keep the connection open, and `onClose` when the client goes away.
 * @example const stream = openEventStream(res, () => unsubscribe()); stream.send('progress', event);
 */
export function openEventStream(response: Response, onClose: () => void, heartbeatMs = 15_000): EventStream {
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
    response.end();
  };
  response.on('close', close);
  return {
    send: (name, data) => {
      if (!closed) response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close,
  };
}
