'use client';

import type { FormEvent } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { PriorityLabel } from '@/components/tickets/badges.tsx';
import { buttonClass, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

interface Target {
  priority: 'low' | 'medium' | 'high' | 'urgent';
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

function hours(minutes: number): string {
  return minutes >= 60
    ? `≈ ${(minutes / 60).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`
    : '';
}

export function SlaForm({ targets }: { targets: Target[] }) {
  const t = useT();
  const { pending, status, submit } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      targets: targets.map(({ priority }) => ({
        priority,
        firstResponseMinutes: Number(form.get(`${priority}-first`)),
        resolutionMinutes: Number(form.get(`${priority}-resolution`)),
      })),
    };
    await submit('/api/sla-targets', body, { method: 'PUT', success: t('sla.saved') });
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <TableHead
            columns={[
              { label: t('sla.priority') },
              { label: t('sla.firstResponseMinutes') },
              { label: t('sla.resolutionMinutes') },
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {targets.map((target) => (
              <tr key={target.priority}>
                <th scope="row" className="px-4 py-3 font-normal">
                  <PriorityLabel priority={target.priority} />
                </th>
                {(['first', 'resolution'] as const).map((kind) => {
                  const value =
                    kind === 'first' ? target.firstResponseMinutes : target.resolutionMinutes;
                  const label = `${t(`priority.${target.priority}`)} – ${t(
                    kind === 'first' ? 'sla.firstResponseMinutes' : 'sla.resolutionMinutes',
                  )}`;
                  return (
                    <td key={kind} className="px-4 py-3">
                      <div className="flex items-center gap-2">
                        <input
                          type="number"
                          name={`${target.priority}-${kind}`}
                          aria-label={label}
                          min={1}
                          max={525600}
                          required
                          defaultValue={value}
                          className={`${inputClass} w-28`}
                        />
                        <span className="whitespace-nowrap text-xs text-slate-500">
                          {hours(value)}
                        </span>
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {t('sla.save')}
        </button>
      </div>
    </form>
  );
}
