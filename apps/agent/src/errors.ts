/**
 * Exit codes of `chamados-agent`. Installers and scripts branch on them, so a number keeps its
 * meaning once released: new failures get new numbers, existing ones are never reused.
 */
export const exitCodes = {
  ok: 0,
  failed: 1,
  usage: 2,
  notEnrolled: 3,
  unauthorized: 4,
  unreachable: 5,
  permission: 6,
} as const;

/**
 * The one way the agent fails on purpose. The CLI prints `message` (and `hint`, when there is a
 * next step the user can take) to stderr and exits with `exitCode`; anything else thrown is a
 * bug and exits with `exitCodes.failed`.
 */
export class AgentError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
