// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { computed, defineComponent, h, ref } from 'vue';
import type { NodeTypeInfo } from '../../editor/src/api/types.ts';
import SchemaForm from '../../editor/src/components/form/SchemaForm.vue';
import { validateConfig } from '../../editor/src/schema-form/config-validator.ts';
import type { FieldSchema } from '../../editor/src/schema-form/schema-kinds.ts';
import { csvType, soapType } from './fixtures.ts';

/** A node type whose config has every kind of field the form knows. */
const everyKind: NodeTypeInfo = {
  ...csvType,
  type: 'test.every-kind',
  config: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'retry'],
    properties: {
      name: { type: 'string', minLength: 1, description: 'What to call it.' },
      limit: { type: 'integer', minimum: 1, default: 100 },
      ratio: { type: 'number' },
      enabled: { type: 'boolean', default: true },
      mode: { enum: ['fast', 'safe'], default: 'safe' },
      tags: { type: 'array', items: { type: 'string' } },
      columns: { type: 'array', items: { type: 'object', required: ['from'], properties: { from: { type: 'string', minLength: 1 }, to: { type: 'string' } } } },
      retry: { type: 'object', required: ['attempts'], properties: { attempts: { type: 'integer', minimum: 0 }, delayMs: { type: 'integer', default: 500 } } },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      extra: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  },
};

/** Mounts a form the way the inspector does: config in a ref, errors recomputed with ajv on every change. */
function mountForm(definition: NodeTypeInfo, initial: Record<string, unknown>): { wrapper: VueWrapper; config: () => Record<string, unknown> } {
  const config = ref<Record<string, unknown>>(initial);
  const Harness = defineComponent({
    setup() {
      const errors = computed(() => validateConfig(definition, config.value));
      return () => h(SchemaForm, {
        schema: definition.config as FieldSchema,
        modelValue: config.value,
        errors: errors.value,
        'onUpdate:modelValue': (value: Record<string, unknown>) => { config.value = value; },
      });
    },
  });
  return { wrapper: mount(Harness, { attachTo: document.body }), config: () => config.value };
}

const byTestId = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

describe('schema form', () => {
  it('renders an input for each field kind', () => {
    const { wrapper } = mountForm(everyKind, { name: 'x', retry: { attempts: 1 }, tags: ['a'], columns: [{ from: 'c' }], headers: { Accept: 'json' } });
    expect(byTestId(wrapper, 'field-input-name').attributes('type')).toBe('text');
    expect(byTestId(wrapper, 'field-input-limit').attributes('type')).toBe('number');
    expect(byTestId(wrapper, 'field-input-ratio').attributes('type')).toBe('number');
    expect(byTestId(wrapper, 'field-input-enabled').attributes('type')).toBe('checkbox');
    expect(byTestId(wrapper, 'field-input-mode').element.tagName).toBe('SELECT');
    expect(byTestId(wrapper, 'field-input-tags.0').exists()).toBe(true);
    expect(byTestId(wrapper, 'field-input-columns.0.from').exists()).toBe(true);
    expect(byTestId(wrapper, 'field-input-retry.attempts').exists()).toBe(true);
    expect(byTestId(wrapper, 'field-key-headers.Accept').exists()).toBe(true);
    expect(byTestId(wrapper, 'field-input-extra').element.tagName).toBe('TEXTAREA');
  });

  it('marks required fields, shows defaults and descriptions', () => {
    const { wrapper } = mountForm(everyKind, {});
    expect(byTestId(wrapper, 'field-name').find('.required').exists()).toBe(true);
    expect(byTestId(wrapper, 'field-limit').find('.required').exists()).toBe(false);
    expect(byTestId(wrapper, 'field-default-limit').text()).toBe('Default: 100');
    expect(byTestId(wrapper, 'field-input-limit').attributes('placeholder')).toBe('100');
    expect((byTestId(wrapper, 'field-input-enabled').element as HTMLInputElement).checked).toBe(true);
    expect(byTestId(wrapper, 'field-input-mode').find('option[value=""]').text()).toBe('(default: safe)');
    expect(byTestId(wrapper, 'field-name').find('.help').text()).toBe('What to call it.');
  });

  it('writes typed values with their JSON types, and removes emptied ones', async () => {
    const { wrapper, config } = mountForm(everyKind, { name: 'x', retry: { attempts: 1 } });
    await byTestId(wrapper, 'field-input-limit').setValue('25');
    await byTestId(wrapper, 'field-input-enabled').setValue(false);
    await byTestId(wrapper, 'field-input-mode').setValue('0');
    await byTestId(wrapper, 'field-add-tags').trigger('click');
    await byTestId(wrapper, 'field-input-tags.0').setValue('vip');
    await byTestId(wrapper, 'field-add-columns').trigger('click');
    await byTestId(wrapper, 'field-input-columns.0.from').setValue('email');
    await byTestId(wrapper, 'field-input-retry.delayMs').setValue('900');
    await byTestId(wrapper, 'field-input-name').setValue('');
    expect(config()).toEqual({ limit: 25, enabled: false, mode: 'fast', tags: ['vip'], columns: [{ from: 'email' }], retry: { attempts: 1, delayMs: 900 } });
  });

  it('shows validation errors as the user types, and clears them when fixed', async () => {
    const { wrapper } = mountForm(csvType, {});
    expect(byTestId(wrapper, 'field-error-glob').text()).toBe('is required');
    await byTestId(wrapper, 'field-input-glob').setValue('*.csv');
    expect(byTestId(wrapper, 'field-error-glob').exists()).toBe(false);
    await byTestId(wrapper, 'field-input-batchSize').setValue('0');
    expect(byTestId(wrapper, 'field-error-batchSize').text()).toBe('must be >= 1');
    await byTestId(wrapper, 'field-input-batchSize').setValue('10');
    expect(byTestId(wrapper, 'field-error-batchSize').exists()).toBe(false);
    expect(wrapper.find('.field.invalid').exists()).toBe(false);
  });

  it('shows errors inside arrays of objects and nested objects', () => {
    const { wrapper } = mountForm(everyKind, { name: 'x', retry: {}, columns: [{ to: 'y' }] });
    expect(byTestId(wrapper, 'field-error-retry.attempts').text()).toBe('is required');
    expect(byTestId(wrapper, 'field-error-columns.0.from').text()).toBe('is required');
  });

  it('shows a stored secret as "a value is stored" without revealing it, and lets the user replace it', async () => {
    const { wrapper, config } = mountForm(soapType, { wsdlUrl: 'https://shop.example/api/v2_soap?wsdl', apiUser: 'oro', apiKey: { $secret: 'shop/soap/apiKey' } });
    expect(byTestId(wrapper, 'field-input-apiKey-stored').text()).toBe('a value is stored');
    expect(wrapper.html()).not.toContain('shop/soap/apiKey');
    expect(byTestId(wrapper, 'field-error-apiKey').exists()).toBe(false);
    await byTestId(wrapper, 'field-input-apiKey-replace').trigger('click');
    const input = byTestId(wrapper, 'field-input-apiKey');
    expect(input.attributes('type')).toBe('password');
    expect(byTestId(wrapper, 'field-error-apiKey').text()).toBe('must NOT have fewer than 1 characters');
    await input.setValue('new-key');
    expect(config().apiKey).toBe('new-key');
    expect(byTestId(wrapper, 'field-error-apiKey').exists()).toBe(false);
  });

  it('takes a value from an environment variable with the per-field switch, and does not flag it', async () => {
    const { wrapper, config } = mountForm(everyKind, { retry: { attempts: 1 } });
    expect(byTestId(wrapper, 'field-error-name').text()).toBe('is required');
    await byTestId(wrapper, 'field-env-name').setValue(true);
    await byTestId(wrapper, 'field-env-name-name').setValue('JOB_NAME');
    await byTestId(wrapper, 'field-env-limit').setValue(true);
    await byTestId(wrapper, 'field-env-name-limit').setValue('LIMIT');
    expect(config()).toEqual({ retry: { attempts: 1 }, name: { $env: 'JOB_NAME' }, limit: { $env: 'LIMIT' } });
    expect(byTestId(wrapper, 'field-error-name').exists()).toBe(false);
    expect(byTestId(wrapper, 'field-error-limit').exists()).toBe(false);
    await byTestId(wrapper, 'field-env-limit').setValue(false);
    expect(config()).toEqual({ retry: { attempts: 1 }, name: { $env: 'JOB_NAME' } });
  });
});
