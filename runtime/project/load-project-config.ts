import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAjv, errorField, errorSentence } from '../../nodes/contract/ajv.ts';
import { ConfigError } from '../../nodes/contract/errors.ts';
import { extendEntityTypes } from '../../nodes/entities/extend-entity-types.ts';
import {
  emptyProjectConfig, PROJECT_CONFIG_FILE, projectConfigSchema, type LoadedProjectConfig, type ProjectConfig,
} from './project-config-schema.ts';

const validateShape = createAjv({ useDefaults: true }).compile(projectConfigSchema);

/** Where to look for the project file: `TRIBUTARY_CONFIG`, else `tributary.config.json` in the working directory. */
export function projectConfigPath(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const named = env.TRIBUTARY_CONFIG?.trim();
  return path.resolve(cwd, named ? named : PROJECT_CONFIG_FILE);
}

async function readText(file: string, named: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return undefined;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new ConfigError(`${file} ${why}${named ? ' (named by TRIBUTARY_CONFIG)' : ''}.`, { cause: error });
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Checks the shape with ajv (defaults applied) and the entity extensions; errors name the file and field. */
export function checkProjectConfig(input: unknown, file: string): ProjectConfig {
  const copy = structuredClone(input);
  if (!validateShape(copy)) {
    const problems = (validateShape.errors ?? []).map((error) => {
      const field = errorField(error, '');
      return `${file}: ${errorSentence(error, field || 'the file')}`;
    });
    const first = validateShape.errors?.[0];
    throw new ConfigError([...new Set(problems)].join('\n'), { field: first ? errorField(first, '') || undefined : undefined });
  }
  const config = { ...emptyProjectConfig(), ...(copy as Partial<ProjectConfig>) } as ProjectConfig;
  try {
    extendEntityTypes(config.entities);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`${file}: ${error.message}`, { field: error.field, cause: error });
  }
  return config;
}

/**
 * Reads and validates the project file (`tributary.config.json` in `cwd`, or the file `TRIBUTARY_CONFIG`
 * names). A missing default file means the empty project: no packages, no entity extensions. Throws a
 * `ConfigError` naming the file and field for a file that is unreadable, not JSON, or not valid.
 * @example const project = await loadProjectConfig(); project.config.packages // ['tributary-todo']
 */
export async function loadProjectConfig(options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<LoadedProjectConfig> {
  const env = options.env ?? process.env;
  const file = projectConfigPath(env, options.cwd ?? process.cwd());
  const text = await readText(file, Boolean(env.TRIBUTARY_CONFIG?.trim()));
  const dir = path.dirname(file);
  if (text === undefined) return { path: file, dir, exists: false, config: emptyProjectConfig() };
  return { path: file, dir, exists: true, config: checkProjectConfig(parseJson(text, file), file) };
}
