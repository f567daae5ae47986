'use client';

import type { FormEvent } from 'react';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

export interface SimpleField {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  /** Sent only when filled in. */
  optional?: boolean;
  pattern?: string;
  monospace?: boolean;
  maxLength: number;
}

/**
 * A side panel that creates one thing from a few text fields with POST `endpoint`, shows the
 * field errors the API names, and refreshes the page's list on success.
 */
export function SimpleCreateForm({
  id,
  title,
  submit: submitLabel,
  endpoint,
  fields,
  created,
}: {
  id: string;
  title: string;
  submit: string;
  endpoint: string;
  fields: SimpleField[];
  /** The success message; `{name}` takes the first field's value. */
  created: string;
}) {
  const { pending, status, fields: errors, submit } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = fields.map((field) => [field.name, String(form.get(field.name) ?? '').trim()]);
    const body = Object.fromEntries(
      values.filter(([name, value]) => value || !fields.find((f) => f.name === name)?.optional),
    );
    await submit(endpoint, body, {
      success: created.replace('{name}', values[0]?.[1] ?? ''),
      onSuccess: () => formElement.reset(),
    });
  }

  return (
    <section aria-labelledby={id} className="h-fit rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={id} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        {fields.map((field) => {
          const inputId = `${id}-${field.name}`;
          const props = {
            id: inputId,
            name: field.name,
            required: field.required,
            maxLength: field.maxLength,
            className: field.monospace ? `${inputClass} font-mono` : inputClass,
            'aria-invalid': errors[field.name] ? true : undefined,
            'aria-describedby': field.hint ? `${inputId}-hint` : undefined,
          };
          return (
            <Field
              key={field.name}
              id={inputId}
              label={field.label}
              hint={field.hint}
              error={errors[field.name]}
            >
              {field.multiline ? (
                <textarea rows={2} {...props} />
              ) : (
                <input pattern={field.pattern} {...props} />
              )}
            </Field>
          );
        })}
        <FormStatus status={status} />
        <button type="submit" className={buttonClass} disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
