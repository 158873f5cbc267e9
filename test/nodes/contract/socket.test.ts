import { describe, expect, it } from 'vitest';
import { resolvePortSocket } from '../../../nodes/contract/catalog.ts';
import { canConnect, explainConnect, parseSocket } from '../../../nodes/contract/socket.ts';

describe('canConnect', () => {
  it.each([
    ['entities:person', 'entities:person', true],
    ['entities:person', 'entities:*', true],
    ['records:*', 'records:magento.customer', true],
    ['records:magento.customer', 'records:magento.order', false],
    ['entities:person', 'records:*', false],
    ['transport:magento-soap', 'transport:file', false],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(canConnect(from, to)).toBe(expected);
  });

  it('says why a pair is refused', () => {
    expect(explainConnect('transport:file', 'entities:*')).toEqual({
      ok: false, reason: 'a transport output (transport:file) cannot feed an entities input (entities:*)',
    });
    expect(explainConnect('records:a', 'records:b')).toEqual({ ok: false, reason: 'records:a does not match records:b' });
  });

  it('refuses socket types without a kind', () => {
    expect(() => parseSocket('person')).toThrow(/kind:name/);
    expect(() => parseSocket('entities:')).toThrow(/kind:name/);
  });
});

describe('resolvePortSocket', () => {
  it('fills {field} placeholders from config and uses * while the field is unset or a reference', () => {
    const port = { socket: 'entities:{entityType}' };
    expect(resolvePortSocket(port, { entityType: 'order' })).toBe('entities:order');
    expect(resolvePortSocket(port, {})).toBe('entities:*');
    expect(resolvePortSocket(port, { entityType: { $env: 'TYPE' } })).toBe('entities:*');
  });
});
