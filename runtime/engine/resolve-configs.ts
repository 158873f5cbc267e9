import { prepareRunConfig } from '../../nodes/contract/config-validation.ts';
import { ConfigError, type FlowIssue } from '../../nodes/contract/errors.ts';
import { resolveReferences, type SecretResolver, type UnresolvedReference } from '../../nodes/contract/references.ts';
import type { FlowPlan } from './plan-flow.ts';

/** Resolved, validated configs of every node, and the secret values they contain (for scrubbing). */
export interface ResolvedConfigs {
  configs: Map<string, Record<string, unknown>>;
  secretValues: Set<string>;
}

/**
 * Resolves `$env` / `$secret` references and applies defaults for every node. Collects every problem and
 * throws one `ConfigError` listing them, each naming node and field; messages never contain a secret value.
 */
export async function resolveConfigs(
  plan: FlowPlan,
  env: Record<string, string | undefined>,
  secrets: SecretResolver | undefined,
): Promise<ResolvedConfigs> {
  const configs = new Map<string, Record<string, unknown>>();
  const secretValues = new Set<string>();
  const issues: FlowIssue[] = [];
  for (const [nodeId, planned] of plan.nodes) {
    const unresolved: UnresolvedReference[] = [];
    const resolved = await resolveReferences(planned.node.config, env, secrets, unresolved, secretValues);
    for (const problem of unresolved) {
      const field = `config${problem.path.replace(/\//g, '.')}`;
      issues.push({ code: 'unresolved-reference', nodeId, field, message: `node "${nodeId}": ${field}: ${problem.message}` });
    }
    const { config, issues: configIssues } = prepareRunConfig(planned.definition, resolved);
    for (const issue of configIssues) {
      if (unresolved.some((problem) => `config${problem.path.replace(/\//g, '.')}` === issue.field)) continue;
      issues.push({ code: 'config', nodeId, field: issue.field, message: `node "${nodeId}": ${issue.message}` });
    }
    configs.set(nodeId, config);
  }
  if (issues.length > 0) {
    const message = `Flow "${plan.flow.id}" cannot run until its config is fixed:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`;
    throw new ConfigError(message, { nodeId: issues[0].nodeId, field: issues[0].field });
  }
  return { configs, secretValues };
}
