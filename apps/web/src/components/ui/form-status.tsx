export interface Status {
  kind: 'success' | 'error';
  message: string;
}

/** The outcome of a form submission, announced to screen readers. */
export function FormStatus({ status }: { status: Status | null }) {
  return (
    <div aria-live="polite">
      {status ? (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={`rounded-lg border px-3 py-2 text-sm ${
            status.kind === 'error'
              ? 'border-red-200 bg-red-50 text-red-800'
              : 'border-emerald-200 bg-emerald-50 text-emerald-800'
          }`}
        >
          {status.message}
        </p>
      ) : null}
    </div>
  );
}
