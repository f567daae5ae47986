'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { sendJson } from '@/lib/api-client.ts';

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);

    const result = await sendJson('/api/auth/sign-in/email', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (result.ok) {
      router.replace(returnTo);
      router.refresh();
      return;
    }

    setPending(false);
    if (result.code === 'network') setError(t('signIn.network'));
    else if (result.status === 401 || result.status === 400) setError(t('signIn.invalid'));
    else if (result.status === 429)
      setError(t('signIn.rateLimited', { seconds: result.retryAfter ?? 60 }));
    else setError(t('signIn.failed', { message: result.message }));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={false}>
      <Field id="email" label={t('signIn.email')}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
      </Field>
      <Field id="password" label={t('signIn.password')}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
      </Field>
      <div aria-live="assertive" className="min-h-0">
        {error ? (
          <p
            id="sign-in-error"
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? <Spinner /> : null}
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}

export function Spinner() {
  return (
    <span
      aria-hidden
      className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
    />
  );
}
