// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from '../../editor/src/graph/clipboard.ts';
import { flowIdFromName, nodeIdForType, uniqueId } from '../../editor/src/lib/ids.ts';
import { isTextField, shortcutFor } from '../../editor/src/lib/shortcuts.ts';
import { contactsFlow } from './fixtures.ts';

const key = (code: string, extra: Partial<KeyboardEvent> = {}) =>
  ({ key: code.replace(/^Key/, '').toLowerCase(), code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });

describe('copy and paste', () => {
  it('copies the chosen nodes with the connections between them, and pastes them with new ids, shifted', () => {
    const flow = contactsFlow();
    const copied = copyNodes(flow.nodes, flow.connections, ['csv', 'mapper']);
    expect(copied.nodes.map((node) => node.id)).toEqual(['csv', 'mapper']);
    expect(copied.connections).toEqual([flow.connections[1]]);
    const pasted = pasteNodes(copied, new Set(flow.nodes.map((node) => node.id)), { x: 40, y: 40 });
    expect(pasted.nodes.map((node) => [node.id, node.position])).toEqual([['csv-2', { x: 340, y: 50.5 }], ['mapper-2', { x: 660, y: 0 }]]);
    expect(pasted.connections).toEqual([{ from: { node: 'csv-2', port: 'records' }, to: { node: 'mapper-2', port: 'records' } }]);
    expect(pasted.nodes[1].config).toEqual(flow.nodes[2].config);
    expect(pasted.nodes[1].config).not.toBe(flow.nodes[2].config);
  });
});

describe('ids', () => {
  it('makes readable, unique flow and node ids', () => {
    expect(flowIdFromName('Contacts (CSV) — Berlin')).toBe('contacts-csv-berlin');
    expect(flowIdFromName('!!!')).toBe('flow');
    expect(uniqueId('csv', new Set(['csv', 'csv-2']))).toBe('csv-3');
    expect(nodeIdForType('core.field-mapper', new Set())).toBe('field-mapper');
  });
});

describe('shortcuts', () => {
  it('maps keys to editor actions', () => {
    expect(shortcutFor(key('KeyS', { ctrlKey: true }), true)).toBe('save');
    expect(shortcutFor(key('KeyZ', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(key('KeyZ', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('KeyY', { metaKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('KeyC', { ctrlKey: true }), false)).toBe('copy');
    expect(shortcutFor(key('KeyV', { ctrlKey: true }), false)).toBe('paste');
    expect(shortcutFor({ ...key('Delete'), key: 'Delete' }, false)).toBe('delete');
    expect(shortcutFor(key('KeyF'), false)).toBe('fit');
  });

  it('leaves text fields their own keys, except save', () => {
    expect(shortcutFor(key('KeyZ', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutFor({ ...key('Backspace'), key: 'Backspace' }, true)).toBeUndefined();
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isTextField(input)).toBe(true);
    expect(isTextField(checkbox)).toBe(false);
    expect(isTextField(document.createElement('div'))).toBe(false);
  });
});
