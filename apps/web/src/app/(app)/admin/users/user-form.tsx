'use client';

import { type FormEvent, useState } from 'react';
import { CompanySelect } from '@/components/company-select.tsx';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

const roles = ['requester', 'technician', 'admin'] as const;
type PersonRole = (typeof roles)[number];

export function UserForm({ companies }: { companies: { id: string; name: string }[] }) {
  const t = useT();
  const [role, setRole] = useState<PersonRole>('requester');
  const { pending, status, fields, submit } = useApiSubmit();
  const needsCompany = role === 'requester';
  const blocked = needsCompany && companies.length === 0;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email') ?? '').trim();
    const body = {
      name: String(form.get('name') ?? '').trim(),
      email,
      password: String(form.get('password') ?? ''),
      role,
      ...(needsCompany
        ? {
            companyId: String(form.get('companyId') ?? ''),
            isCompanyManager: form.get('isCompanyManager') === 'on',
          }
        : {}),
    };
    await submit('/api/users', body, {
      success: t('users.created', { email }),
      onSuccess: () => {
        formElement.reset();
        setRole('requester');
      },
    });
  }

  return (
    <section
      aria-labelledby="new-user"
      className="h-fit rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="new-user" className="mb-4 text-base font-semibold">
        {t('users.new')}
      </h2>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field id="user-name" label={t('users.name')} error={fields.name}>
          <input id="user-name" name="name" required maxLength={120} className={inputClass} />
        </Field>
        <Field id="user-email" label={t('users.email')} error={fields.email}>
          <input
            id="user-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            className={inputClass}
          />
        </Field>
        <Field
          id="user-password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          error={fields.password}
        >
          <input
            id="user-password"
            name="password"
            type="password"
            required
            minLength={12}
            maxLength={128}
            autoComplete="new-password"
            className={inputClass}
            aria-describedby="user-password-hint"
          />
        </Field>
        <Field id="user-role" label={t('users.role')} error={fields.role}>
          <select
            id="user-role"
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as PersonRole)}
            className={inputClass}
          >
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        {needsCompany ? (
          <Field
            id="user-company"
            label={t('users.company')}
            error={fields.companyId ?? (blocked ? t('users.needCompany') : undefined)}
          >
            <CompanySelect id="user-company" companies={companies} disabled={blocked} />
          </Field>
        ) : null}
        {needsCompany ? (
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="isCompanyManager"
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>
              {t('users.isCompanyManager')}
              <span className="block text-xs text-slate-500">
                {t('users.isCompanyManagerHint')}
              </span>
            </span>
          </label>
        ) : null}
        <FormStatus status={status} />
        <button type="submit" className={buttonClass} disabled={pending || blocked}>
          {pending ? t('users.creating') : t('users.create')}
        </button>
      </form>
    </section>
  );
}
