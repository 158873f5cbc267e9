import { inject, type ComputedRef, type InjectionKey } from 'vue';
import type { FieldErrors } from './config-validator.ts';
import type { FieldPath } from './values.ts';

/** What every field of a schema form reaches: the writer of values and the current errors. */
export interface FormContext {
  /** Sets the value at `path` (undefined removes a property). */
  setValue(path: FieldPath, value: unknown): void;
  /** Removes the array item at `path`. */
  removeItem(path: FieldPath): void;
  errors: ComputedRef<FieldErrors>;
}

/** The injection key of the form context. */
export const FORM_CONTEXT: InjectionKey<FormContext> = Symbol('schema-form');

/** The enclosing form's context; throws outside a `SchemaForm`. */
export function useFormContext(): FormContext {
  const context = inject(FORM_CONTEXT);
  if (!context) throw new Error('A schema field must be placed inside a SchemaForm.');
  return context;
}
