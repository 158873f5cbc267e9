import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createBuiltInCatalog } from '../../../nodes/builtin.ts';
import { validateFlow } from '../../../nodes/contract/validate-flow.ts';
import { contactFlow } from './webhook-test-app.ts';

describe('the contact-form example', () => {
  it('is a valid, enabled, unscheduled flow: webhook.form → core.field-mapper → core.entity-store', () => {
    const flow = contactFlow();
    expect(validateFlow(flow, createBuiltInCatalog()).issues).toEqual([]);
    expect(flow).toMatchObject({ id: 'contact-form', enabled: true });
    expect(flow.schedule).toBeUndefined();
    expect(flow.nodes.map((node) => node.type)).toEqual(['webhook.form', 'core.field-mapper', 'core.entity-store']);
  });

  it('has an HTML form posting urlencoded to the flow\'s form, with the honeypot and only allowed fields', async () => {
    const html = await readFile('examples/contact-form/index.html', 'utf8');
    const form = contactFlow().nodes[0].config as { honeypotField: string; fields: string[] };
    expect(html).toContain('action="http://127.0.0.1:3000/hooks/contact-form/form"');
    expect(html).toContain('enctype="application/x-www-form-urlencoded"');
    const names = [...html.matchAll(/<input name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual([...form.fields, form.honeypotField]);
  });
});
