import { todoTemplate } from './todo-template.ts';
import { todoTransportNode } from './todo-transport.ts';
import { todoUsersNode } from './todo-users.ts';
import { todoUserMapperNode } from './user-mapper.ts';

/** The node types of the Todo channel type: what Tributary reads from the module's `nodes` export. */
export const nodes = [todoTransportNode, todoUsersNode, todoUserMapperNode];

/** The channel type these node types and the template belong to (its palette group and wizard entry). */
export const channelTypes = [
  { id: 'todo', label: 'Todo', description: 'A Todo account: its users, as persons.' },
];

/** The flow templates the New-channel wizard offers for `todo`. */
export const templates = [todoTemplate];
