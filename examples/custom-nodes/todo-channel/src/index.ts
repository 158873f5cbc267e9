export { channelTypes, nodes, templates } from './todo-channel.ts';
export type { TodoClient, TodoPage, TodoUser } from './todo-client.ts';
export { todoTemplate } from './todo-template.ts';
export { todoTransportNode } from './todo-transport.ts';
export { todoUsersNode } from './todo-users.ts';
export { todoUserMapperNode } from './user-mapper.ts';
