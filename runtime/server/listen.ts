import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Where the server listens: HOST and PORT (default 127.0.0.1:3000; port 0 picks a free one). */
export interface ListenOptions {
  host: string;
  port: number;
}

/**
 * Starts listening and resolves with the server and the URL it answers on; rejects when the port is taken.
 * @example const { url } = await listen(app, { host: '127.0.0.1', port: 3000 });
 */
export function listen(app: Express, options: ListenOptions): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, (error?: Error) => {
      if (error) return reject(error);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({ server, url: `http://${host}:${port}` });
    });
  });
}
