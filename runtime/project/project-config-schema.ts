import type { EntityExtensions } from '../../nodes/entities/extend-entity-types.ts';

/** The file name of the project file, looked for in the working directory. */
export const PROJECT_CONFIG_FILE = 'tributary.config.json';

/** An npm package name (`tributary-todo`, `@acme/tributary-nodes`) or a local package folder (`./packages/x`). */
const packageEntry = {
  type: 'string',
  minLength: 1,
  pattern: '^((@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*|\\.{1,2}/.*|/.*)$',
} as const;

/**
 * JSON Schema of `tributary.config.json`. Field schemas and entity schemas are JSON Schemas themselves;
 * whether they compile, and whether they redefine a built-in field, is checked after this shape check.
 */
export const projectConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    packages: { type: 'array', items: packageEntry, uniqueItems: true, default: [] },
    entities: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extend: {
          type: 'object',
          additionalProperties: { type: 'object', additionalProperties: { type: 'object' } },
          default: {},
        },
        types: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['label', 'schema'],
            properties: {
              label: { type: 'string', minLength: 1 },
              schema: { type: 'object', required: ['type'], properties: { type: { const: 'object' } } },
              searchFields: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: [] },
            },
          },
          default: {},
        },
      },
      default: {},
    },
  },
} as const;

/** A project file, with defaults applied. */
export interface ProjectConfig {
  /** npm packages (resolved from the project's node_modules) or local package folders with node types. */
  packages: string[];
  /** Extra fields of built-in entity types and new entity types. */
  entities: Required<EntityExtensions>;
}

/** The project file as loaded: where it is (or would be) and what it says. */
export interface LoadedProjectConfig {
  /** Absolute path of the file (also when it does not exist). */
  path: string;
  /** The project directory: the file's folder. Packages resolve from its node_modules. */
  dir: string;
  /** False when there is no file: then `config` is the empty project (no packages, no extensions). */
  exists: boolean;
  config: ProjectConfig;
}

/** The project of a working directory without a project file. */
export function emptyProjectConfig(): ProjectConfig {
  return { packages: [], entities: { extend: {}, types: {} } };
}
