import type { TimelineChange, TimelineComment } from '@chamados/core/tickets/get-ticket';
import type { MessageKey, Translate } from '@/i18n/catalog.ts';

function valueLabel(t: Translate, field: string, value: string | null): string {
  if (value === null) return t('timeline.nobody');
  if (field === 'status' || field === 'created') return t(`status.${value}` as MessageKey);
  if (field === 'priority') return t(`priority.${value}` as MessageKey);
  return value;
}

function ChangeLine({
  change,
  t,
  date,
}: {
  change: TimelineChange;
  t: Translate;
  date: Intl.DateTimeFormat;
}) {
  const text = t(`timeline.${change.field}` as MessageKey, {
    actor: change.actor.name,
    from: valueLabel(t, change.field, change.from),
    to: valueLabel(t, change.field, change.to),
  });
  return (
    <li className="flex items-center gap-3 pl-1 text-xs text-slate-500">
      <span aria-hidden className="size-1.5 rounded-full bg-slate-300" />
      <span>{text}</span>
      <time dateTime={change.createdAt} className="ml-auto whitespace-nowrap">
        {date.format(new Date(change.createdAt))}
      </time>
    </li>
  );
}

function CommentCard({
  comment,
  t,
  date,
}: {
  comment: TimelineComment;
  t: Translate;
  date: Intl.DateTimeFormat;
}) {
  const tone = comment.internal
    ? 'border-amber-300 bg-amber-50'
    : comment.author.role === 'requester'
      ? 'border-slate-200 bg-white'
      : 'border-brand-100 bg-brand-50/40';
  return (
    <li
      className={`rounded-xl border p-4 ${tone}`}
      data-testid={comment.internal ? 'internal-note' : 'reply'}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{comment.author.name}</span>
        <span className="text-xs text-slate-500">
          {t(`role.${comment.author.role}` as MessageKey)}
        </span>
        {comment.internal ? (
          <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-medium text-amber-900">
            {t('timeline.internalNote')}
          </span>
        ) : null}
        <time dateTime={comment.createdAt} className="ml-auto text-xs text-slate-500">
          {date.format(new Date(comment.createdAt))}
        </time>
      </div>
      <div
        className="markdown text-sm"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown output is inert
        dangerouslySetInnerHTML={{ __html: comment.html }}
      />
    </li>
  );
}

/** Replies, internal notes and changes, oldest first. */
export function Timeline({
  entries,
  t,
  date,
}: {
  entries: (TimelineComment | TimelineChange)[];
  t: Translate;
  date: Intl.DateTimeFormat;
}) {
  return (
    <ol className="flex flex-col gap-3">
      {entries.map((entry) =>
        entry.kind === 'comment' ? (
          <CommentCard key={`c-${entry.id}`} comment={entry} t={t} date={date} />
        ) : (
          <ChangeLine key={`h-${entry.id}`} change={entry} t={t} date={date} />
        ),
      )}
    </ol>
  );
}
