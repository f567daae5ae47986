import { filterControlClass } from '@/components/ui/field.tsx';
import type { Translate } from '@/i18n/catalog.ts';

export interface FilterOptions {
  staff: boolean;
  queues: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  values: Record<string, string>;
}

const selectClass = filterControlClass;

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value} className={selectClass}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The list's filters as a plain GET form: it works before any script loads. */
export function TicketFilters({ t, options }: { t: Translate; options: FilterOptions }) {
  const { values, staff } = options;
  const statuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
  const priorities = ['urgent', 'high', 'medium', 'low'] as const;

  return (
    <form
      method="get"
      aria-label={t('tickets.filters')}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
    >
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
        {t('tickets.filter.search')}
        <input
          type="search"
          name="q"
          defaultValue={values.q ?? ''}
          maxLength={200}
          placeholder={t('tickets.filter.searchPlaceholder')}
          className={selectClass}
        />
      </label>
      <Select
        name="status"
        label={t('tickets.filter.status')}
        value={values.status ?? 'active'}
        options={[
          ['active', t('tickets.filter.active')],
          ...statuses.map((status): [string, string] => [status, t(`status.${status}`)]),
          ['all', t('tickets.filter.any')],
        ]}
      />
      <Select
        name="priority"
        label={t('tickets.filter.priority')}
        value={values.priority ?? ''}
        options={[
          ['', t('tickets.filter.any')],
          ...priorities.map((priority): [string, string] => [priority, t(`priority.${priority}`)]),
        ]}
      />
      {staff ? (
        <>
          <Select
            name="queueId"
            label={t('tickets.filter.queue')}
            value={values.queueId ?? ''}
            options={[
              ['', t('tickets.filter.any')],
              ...options.queues.map((queue): [string, string] => [queue.id, queue.name]),
            ]}
          />
          <Select
            name="assigneeId"
            label={t('tickets.filter.assignee')}
            value={values.assigneeId ?? ''}
            options={[
              ['', t('tickets.filter.any')],
              ['me', t('tickets.filter.me')],
              ['none', t('tickets.filter.none')],
            ]}
          />
          <Select
            name="companyId"
            label={t('tickets.filter.company')}
            value={values.companyId ?? ''}
            options={[
              ['', t('tickets.filter.any')],
              ...options.companies.map((company): [string, string] => [company.id, company.name]),
            ]}
          />
        </>
      ) : null}
      <Select
        name="sort"
        label={t('tickets.sort')}
        value={values.sort ?? 'updated'}
        options={(['updated', 'created', 'priority', 'due', 'number'] as const).map(
          (sort): [string, string] => [sort, t(`tickets.sort.${sort}`)],
        )}
      />
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          {t('tickets.filter.apply')}
        </button>
        <a
          href="/"
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          {t('tickets.filter.clear')}
        </a>
      </div>
    </form>
  );
}
