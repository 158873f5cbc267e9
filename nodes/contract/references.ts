/** `{ "$env": "NAME" }`: a config value read from the environment at run time. */
export interface EnvReference {
  $env: string;
}

/** `{ "$secret": "ref" }`: a config value held in the encrypted secret store. */
export interface SecretReference {
  $secret: string;
}

/** A config value that is resolved at run time. */
export type ValueReference = EnvReference | SecretReference;

function isSingleKeyObject(value: unknown, key: string): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key && typeof (value as Record<string, unknown>)[key] === 'string';
}

/** True for `{ "$env": "NAME" }`. */
export function isEnvReference(value: unknown): value is EnvReference {
  return isSingleKeyObject(value, '$env');
}

/** True for `{ "$secret": "ref" }`. */
export function isSecretReference(value: unknown): value is SecretReference {
  return isSingleKeyObject(value, '$secret');
}

/** True for either kind of reference. */
export function isReference(value: unknown): value is ValueReference {
  return isEnvReference(value) || isSecretReference(value);
}

/** Looks up secrets by reference; the server's encrypted store implements it. */
export interface SecretResolver {
  resolve(ref: string): string | undefined | Promise<string | undefined>;
}

/** Where a reference failed to resolve: the JSON path and a message without any secret value. */
export interface UnresolvedReference {
  path: string;
  message: string;
}

/**
 * Replaces every `$env` / `$secret` reference in `value` (deeply) with its value. Collects the secret
 * values it produced in `secretsOut` so logs and errors can be scrubbed of them.
 */
export async function resolveReferences(
  value: unknown,
  env: Record<string, string | undefined>,
  secrets: SecretResolver | undefined,
  problems: UnresolvedReference[],
  secretsOut: Set<string>,
  path = '',
): Promise<unknown> {
  if (isEnvReference(value)) {
    const resolved = env[value.$env];
    if (resolved === undefined) problems.push({ path, message: `environment variable ${value.$env} is not set` });
    return resolved;
  }
  if (isSecretReference(value)) {
    const resolved = secrets ? await secrets.resolve(value.$secret) : undefined;
    if (resolved === undefined) problems.push({ path, message: `secret "${value.$secret}" is not in the secret store` });
    else secretsOut.add(resolved);
    return resolved;
  }
  if (Array.isArray(value)) {
    return Promise.all(value.map((item, i) => resolveReferences(item, env, secrets, problems, secretsOut, `${path}/${i}`)));
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = await resolveReferences(item, env, secrets, problems, secretsOut, `${path}/${key}`);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}
