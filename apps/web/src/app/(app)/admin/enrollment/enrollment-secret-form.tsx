'use client';

import { type FormEvent, useState } from 'react';
import { CompanySelect } from '@/components/company-select.tsx';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

/** Creates a company's enrollment secret and shows it this one time, ready to copy. */
export function EnrollmentSecretForm({ companies }: { companies: { id: string; name: string }[] }) {
  const t = useT();
  const { pending, status, fields, submit } = useApiSubmit();
  const [secret, setSecret] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSecret(null);
    await submit<{ secret: string }>(
      '/api/enrollment-secrets',
      { companyId: String(form.get('companyId') ?? ''), label: String(form.get('label') ?? '') },
      {
        onSuccess: (data) => {
          setSecret(data.secret);
          formElement.reset();
        },
      },
    );
  }

  return (
    <section
      aria-labelledby="new-secret"
      className="h-fit rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="new-secret" className="mb-4 text-base font-semibold">
        {t('enrollment.new')}
      </h2>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field id="secret-company" label={t('enrollment.company')} error={fields.companyId}>
          <CompanySelect id="secret-company" companies={companies} />
        </Field>
        <Field id="secret-label" label={t('enrollment.label')} error={fields.label}>
          <input id="secret-label" name="label" required maxLength={80} className={inputClass} />
        </Field>
        <FormStatus status={status} />
        {secret ? (
          <div
            role="status"
            className="flex flex-col gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3"
          >
            <p className="text-sm text-emerald-900">{t('enrollment.created')}</p>
            <input
              readOnly
              value={secret}
              aria-label={t('enrollment.new')}
              data-testid="new-secret"
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} font-mono text-xs`}
            />
          </div>
        ) : null}
        <button type="submit" className={buttonClass} disabled={pending || companies.length === 0}>
          {t('enrollment.create')}
        </button>
      </form>
    </section>
  );
}
