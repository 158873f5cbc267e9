import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { describeError } from '../api/http.ts';
import { createFlowFromTemplate, listChannelTypes, listTemplates } from '../api/templates-api.ts';
import type { ChannelTypeSummary, FlowIssue, FlowTemplate } from '../api/types.ts';
import { flowIdFromName, flowIdProblem, uniqueId } from '../lib/ids.ts';
import type { FieldErrors } from '../schema-form/config-validator.ts';
import { issueErrors, missingNodeTypes, parameterErrors, requestValues, type TemplateValues } from '../wizard/template-form.ts';
import { useCatalogueStore } from './catalogue.ts';
import { useFlowsStore } from './flows.ts';
import { refusalOf } from './save-outcome.ts';

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['channel', 'settings', 'connectors', 'name'] as const;
/** One step of the wizard. */
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** A schedule as the wizard edits it; `null` is "no schedule". */
export interface WizardSchedule {
  cron: string;
  timezone: string;
}

/**
 * The New-channel wizard: pick a channel type and template, fill its settings (checked like the inspector's
 * form), tick connectors, name it and schedule it, then `POST /api/flows/from-template`.
 */
export const useNewChannelStore = defineStore('newChannel', () => {
  const step = ref<WizardStep>('channel');
  const channelTypes = shallowRef<ChannelTypeSummary[]>([]);
  const channelType = ref('');
  const templates = shallowRef<FlowTemplate[]>([]);
  const template = shallowRef<FlowTemplate | null>(null);
  const values = ref<TemplateValues>({});
  const connectors = ref<string[]>([]);
  const name = ref('');
  const flowId = ref('');
  const flowIdEdited = ref(false);
  const schedule = ref<WizardSchedule | null>(null);
  const showRequired = ref(false);
  const issues = ref<FlowIssue[]>([]);
  const error = ref('');
  const busy = ref(false);

  const catalogue = useCatalogueStore();
  const flows = useFlowsStore();
  const lookup = catalogue.lookup;
  const taken = computed(() => new Set(flows.flows.map((flow) => flow.id)));
  const missing = computed(() => (template.value ? missingNodeTypes(template.value, lookup) : []));
  const errors = computed<FieldErrors>(() => (template.value
    ? { ...issueErrors(template.value, issues.value), ...parameterErrors(template.value, values.value, lookup, showRequired.value) } : {}));
  const flowIdError = computed(() => flowIdProblem(flowId.value, taken.value));
  const canAdvance = computed(() => {
    if (step.value === 'channel') return template.value !== null && missing.value.length === 0;
    if (step.value === 'name') return name.value.trim() !== '' && !flowIdError.value && (schedule.value === null || schedule.value.cron.trim() !== '');
    return true;
  });

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = '';
    try {
      return await action();
    } catch (failure) {
      error.value = describeError(failure);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** Starts afresh: loads the channel types that have templates, and the catalogue for the settings form. */
  async function open(): Promise<void> {
    step.value = 'channel';
    channelType.value = '';
    template.value = null;
    templates.value = [];
    name.value = flowId.value = '';
    flowIdEdited.value = false;
    issues.value = [];
    await run(async () => {
      const [types] = await Promise.all([listChannelTypes(), catalogue.load()]);
      channelTypes.value = types.filter((type) => type.templateIds.length > 0);
    });
  }

  /** Picks a template: its defaults fill the form, the connectors and the schedule. */
  function chooseTemplate(id: string): void {
    const picked = templates.value.find((item) => item.id === id) ?? null;
    template.value = picked;
    values.value = {};
    connectors.value = (picked?.connectors ?? []).filter((connector) => connector.default).map((connector) => connector.id);
    const preset = picked?.flow.schedule;
    schedule.value = preset ? { cron: preset.cron, timezone: preset.timezone ?? 'UTC' } : null;
    showRequired.value = false;
    issues.value = [];
  }

  /** Picks a channel type and loads its templates; a single template is picked at once. */
  async function chooseChannelType(id: string): Promise<void> {
    channelType.value = id;
    template.value = null;
    templates.value = (await run(() => listTemplates(id))) ?? [];
    if (templates.value.length === 1) chooseTemplate(templates.value[0].id);
  }

  /** Takes the form's new values; the server's issues about settings describe the old ones. */
  function setValues(next: TemplateValues): void {
    values.value = next;
    issues.value = issues.value.filter((issue) => !issue.field?.startsWith('config'));
  }

  /** Sets the name; the flow id follows it until the user edits the id. */
  function setName(value: string): void {
    name.value = value;
    if (!flowIdEdited.value) flowId.value = uniqueId(flowIdFromName(value.trim()), taken.value);
  }

  function setFlowId(value: string): void {
    flowIdEdited.value = true;
    flowId.value = value.trim();
  }

  /** Goes to the next step; leaving the settings needs every required value and no error. */
  function next(): boolean {
    if (step.value === 'settings') {
      showRequired.value = true;
      if (Object.keys(errors.value).length > 0) return false;
    }
    if (!canAdvance.value) return false;
    step.value = WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step.value) + 1, WIZARD_STEPS.length - 1)];
    return true;
  }

  function back(): void {
    step.value = WIZARD_STEPS[Math.max(WIZARD_STEPS.indexOf(step.value) - 1, 0)];
  }

  /** Creates the flow; returns its id, or null with the server's issues (400) or message (409, others) kept. */
  async function create(): Promise<string | null> {
    const picked = template.value;
    if (!picked || busy.value || !canAdvance.value) return null;
    issues.value = [];
    busy.value = true;
    error.value = '';
    try {
      const { flow } = await createFlowFromTemplate({
        templateId: picked.id, flowId: flowId.value, name: name.value.trim(), values: requestValues(picked, values.value),
        connectors: [...connectors.value], schedule: schedule.value && { cron: schedule.value.cron.trim(), timezone: schedule.value.timezone.trim() || 'UTC' },
      });
      void flows.load().catch(() => undefined);
      return flow.id;
    } catch (failure) {
      const refusal = refusalOf(failure);
      issues.value = refusal.outcome === 'invalid' ? refusal.issues : [];
      error.value = refusal.message;
      return null;
    } finally {
      busy.value = false;
    }
  }

  return {
    step, channelTypes, channelType, templates, template, values, connectors, name, flowId, schedule, issues, error, busy,
    missing, errors, flowIdError, canAdvance, open, chooseChannelType, chooseTemplate, setValues, setName, setFlowId, next, back, create,
  };
});
