'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus, type Status } from '@/components/ui/form-status.tsx';
import { sendJson } from '@/lib/api-client.ts';

export interface SimpleField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  maxLength: number;
}

/**
 * A side panel that creates one thing from a few text fields with POST `endpoint`, shows the
 * field errors the API names, and refreshes the page's list on success.
 */
export function SimpleCreateForm({
  id,
  title,
  submit,
  endpoint,
  fields,
  created,
}: {
  id: string;
  title: string;
  submit: string;
  endpoint: string;
  fields: SimpleField[];
  /** The success message, given the first field's value. */
  created: string;
}) {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = Object.fromEntries(
      fields.map((field) => [field.name, String(form.get(field.name) ?? '').trim()]),
    );
    setPending(true);
    setStatus(null);
    setErrors({});
    const result = await sendJson(endpoint, body);
    setPending(false);
    if (result.ok) {
      formElement.reset();
      setStatus({
        kind: 'success',
        message: created.replace('{name}', body[fields[0]?.name ?? ''] ?? ''),
      });
      router.refresh();
      return;
    }
    setErrors(result.fields);
    setStatus({
      kind: 'error',
      message:
        result.code === 'network'
          ? t('form.network')
          : t('form.error', { message: result.message }),
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
            className: inputClass,
            'aria-invalid': errors[field.name] ? true : undefined,
          };
          return (
            <Field key={field.name} id={inputId} label={field.label} error={errors[field.name]}>
              {field.multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
            </Field>
          );
        })}
        <FormStatus status={status} />
        <button type="submit" className={buttonClass} disabled={pending}>
          {submit}
        </button>
      </form>
    </section>
  );
}
