'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus, type Status } from '@/components/ui/form-status.tsx';
import { sendJson } from '@/lib/api-client.ts';

export function CompanyForm() {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    const slug = String(form.get('slug') ?? '').trim();
    setPending(true);
    setStatus(null);
    setFields({});

    const result = await sendJson('/api/companies', slug ? { name, slug } : { name });
    setPending(false);
    if (result.ok) {
      formElement.reset();
      setStatus({ kind: 'success', message: t('companies.created', { name }) });
      router.refresh();
      return;
    }
    setFields(result.fields);
    setStatus({
      kind: 'error',
      message:
        result.code === 'network'
          ? t('form.network')
          : t('form.error', { message: result.message }),
    });
  }

  return (
    <section
      aria-labelledby="new-company"
      className="h-fit rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="new-company" className="mb-4 text-base font-semibold">
        {t('companies.new')}
      </h2>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field id="company-name" label={t('companies.name')} error={fields.name}>
          <input
            id="company-name"
            name="name"
            required
            minLength={2}
            maxLength={120}
            className={inputClass}
            aria-invalid={fields.name ? true : undefined}
          />
        </Field>
        <Field
          id="company-slug"
          label={t('companies.slug')}
          hint={t('companies.slugHint')}
          error={fields.slug}
        >
          <input
            id="company-slug"
            name="slug"
            pattern="[a-z0-9]([a-z0-9\-]{0,62}[a-z0-9])?"
            maxLength={64}
            className={`${inputClass} font-mono`}
            aria-invalid={fields.slug ? true : undefined}
            aria-describedby="company-slug-hint"
          />
        </Field>
        <FormStatus status={status} />
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t('companies.creating') : t('companies.create')}
        </button>
      </form>
    </section>
  );
}
