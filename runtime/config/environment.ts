import path from 'node:path';

/** The settings Tributary reads from its environment (the names are public; see DESIGN.md). */
export interface Environment {
  /** TRIBUTARY_DATA_DIR: store, secrets, history, token (default ./data). */
  dataDir: string;
  /** TRIBUTARY_FLOWS_DIR: saved flows, one `<id>.flow.json` each (default ./flows). */
  flowsDir: string;
  /** HOST (default 127.0.0.1). */
  host: string;
  /** PORT (default 3000). */
  port: number;
  /** TRIBUTARY_TOKEN: the API bearer token; generated on first start when unset. */
  token?: string;
  /** TRIBUTARY_SECRET_KEY: the secret-store key; generated into the data dir when unset. */
  secretKey?: string;
  /** TRIBUTARY_NODE_PATHS: extra node-type modules, separated by the platform's path delimiter. */
  nodePaths: string[];
  /** DATABASE_URL: PostgreSQL instead of the embedded SQLite store. */
  databaseUrl?: string;
  /** REDIS_URL: BullMQ queue for scaling out. */
  redisUrl?: string;
}

/** Reads the environment (default `process.env`), resolving directories against the working directory. */
export function readEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const port = Number(nonEmpty(env.PORT) ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), not "${env.PORT}".`);
  }
  return {
    dataDir: path.resolve(nonEmpty(env.TRIBUTARY_DATA_DIR) ?? 'data'),
    flowsDir: path.resolve(nonEmpty(env.TRIBUTARY_FLOWS_DIR) ?? 'flows'),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    token: nonEmpty(env.TRIBUTARY_TOKEN),
    secretKey: nonEmpty(env.TRIBUTARY_SECRET_KEY),
    nodePaths: (nonEmpty(env.TRIBUTARY_NODE_PATHS) ?? '').split(path.delimiter).filter(Boolean).map((p) => path.resolve(p)),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    redisUrl: nonEmpty(env.REDIS_URL),
  };
}
