import type { FlowConnection, FlowNode } from 'tributary/contract';

const nodes: FlowNode[] = [
  { id: 'api', type: 'todo.api', version: 1, config: {}, position: { x: 0, y: 0 } },
  { id: 'users', type: 'todo.users', version: 1, config: {}, position: { x: 300, y: 0 } },
  { id: 'to-person', type: 'todo.user-mapper', version: 1, config: {}, position: { x: 600, y: 0 } },
  { id: 'store', type: 'core.entity-store', version: 1, config: {}, position: { x: 900, y: 0 } },
];

const connections: FlowConnection[] = [
  { from: { node: 'api', port: 'transport' }, to: { node: 'users', port: 'transport' } },
  { from: { node: 'users', port: 'records' }, to: { node: 'to-person', port: 'records' } },
  { from: { node: 'to-person', port: 'entities' }, to: { node: 'store', port: 'entities' } },
];

/**
 * `todo.users` template: the New-channel wizard's template for a Todo account: the API, the users connector, the
 * person mapper and the entity store, synced every ten minutes. The wizard asks for the URL and the token.
 */
export const todoTemplate = {
  id: 'todo.users',
  channelType: 'todo',
  label: 'Todo users',
  description: 'The users of a Todo account as persons, synced incrementally every ten minutes.',
  flow: { enabled: true, schedule: { cron: '*/10 * * * *', timezone: 'UTC' }, nodes, connections },
  parameters: [
    { nodeId: 'api', field: 'baseUrl', label: 'API URL', required: true, description: 'For example http://127.0.0.1:4010/api.' },
    { nodeId: 'api', field: 'token', label: 'API token', required: true, secret: true },
  ],
};
