import type { Latency, LoopLimits } from './measure.ts';
import type { QueryPlan } from './plans.ts';
import type { Scenario } from './scenarios.ts';
import type { SeedResult } from './seed.ts';

export interface ScenarioResult {
  key: string;
  title: string;
  as: Scenario['as'];
  kind: Scenario['kind'];
  main: boolean;
  latencyMs: Latency;
  /** Only for first pages of lists: whether p95 is under the target. */
  meetsTarget: boolean | null;
  plans: QueryPlan[];
  /** No query of the call reads `tickets` sequentially. */
  ticketsByIndex: boolean;
}

export interface BenchReport {
  database: string;
  seed: Omit<SeedResult, 'accounts'>;
  limits: LoopLimits;
  targetP95Ms: number;
  setupSql: string | null;
  scenarios: ScenarioResult[];
}

/** Whether a call's plans read `tickets` only through indexes. */
export function readsTicketsByIndex(plans: QueryPlan[]): boolean {
  return plans.every((plan) => !plan.seqScans.includes('tickets'));
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

function table(header: string[], rows: string[][], rightAligned: number[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.includes(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** Which statement of a call a plan belongs to, from the table its outer query reads. */
function statementName(plan: QueryPlan, kind: Scenario['kind']): string {
  const sql = plan.sql.toLowerCase();
  if (sql.startsWith('select count(')) return 'count';
  const table = / from "(\w+)"/.exec(sql)?.[1];
  const names: Record<string, string> = {
    tickets: kind === 'list' ? 'page' : 'ticket',
    queue_members: 'queues of the actor',
    ticket_comments: 'replies and notes',
    ticket_changes: 'timeline',
  };
  return names[table ?? ''] ?? table ?? 'query';
}

/** The report for a terminal: latencies, then plan summaries, then the main plans in full. */
export function formatReport(report: BenchReport): string {
  const { seed, limits } = report;
  const out: string[] = [
    `Chamados ticket benchmark: ${seed.counts.tickets.toLocaleString('en')} tickets, ` +
      `${seed.counts.comments.toLocaleString('en')} replies and notes, ` +
      `${seed.counts.companies} companies (seeded in ${seed.seconds.toFixed(1)} s)`,
    `Database: ${report.database}. Requests: ${limits.requests} per scenario after ` +
      `${limits.warmup} warm-up, one at a time over loopback, at most ${limits.maxSeconds} s each.`,
  ];
  if (report.setupSql) out.push(`Setup SQL applied before measuring:\n${report.setupSql.trim()}`);

  out.push(
    '',
    table(
      ['scenario', 'as', 'requests', 'matched', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target'],
      report.scenarios.map((s) => [
        s.key,
        s.as,
        `${s.latencyMs.requests}${s.latencyMs.cutShort ? '*' : ''}`,
        s.latencyMs.matched?.toString() ?? '',
        ms(s.latencyMs.p50),
        ms(s.latencyMs.p95),
        ms(s.latencyMs.p99),
        ms(s.latencyMs.max),
        s.meetsTarget === null ? '' : s.meetsTarget ? 'met' : 'MISSED',
      ]),
      [2, 3, 4, 5, 6, 7],
    ),
    '',
    `Target: first page of a list p95 < ${report.targetP95Ms} ms. ` +
      `* = stopped by the time limit.`,
    ...report.scenarios.map((s) => `  ${s.key.padEnd(16)} ${s.title}`),
    '',
    'Query plans (EXPLAIN ANALYZE of the SQL the service sends, after each timed loop):',
    table(
      ['scenario', 'statement', 'exec ms', 'tickets read by', 'seq scans', 'indexes'],
      report.scenarios.flatMap((s) =>
        s.plans.map((plan) => [
          s.key,
          statementName(plan, s.kind),
          ms(plan.executionMs),
          plan.seqScans.includes('tickets') ? 'SEQ SCAN' : 'index',
          plan.seqScans.join(', ') || '–',
          plan.indexes.join(', ') || '–',
        ]),
      ),
      [2],
    ),
    'Sequential scans of the small tables (companies, users, queues, queue_members, categories:',
    'at most a few thousand rows) are expected: hashing them whole is cheaper than index lookups.',
  );

  for (const scenario of report.scenarios.filter((s) => s.main)) {
    for (const plan of scenario.plans) {
      out.push('', `-- ${scenario.key}: ${statementName(plan, scenario.kind)}`, plan.sql);
      if (plan.params.length > 0) out.push(`-- params: ${JSON.stringify(plan.params)}`);
      out.push(plan.plan);
    }
  }
  return `${out.join('\n')}\n`;
}
