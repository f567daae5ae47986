import type { Runtime } from '@chamados/core';

/**
 * The start-up message for the person at the terminal. Written to stdout directly rather than
 * through the logger: a generated admin password is shown here exactly once and must never
 * reach a log file.
 */
export function printBanner(runtime: Runtime, url: string): void {
  const { adminBootstrap, config } = runtime;
  const lines = [
    '',
    `  Chamados is running at ${url}`,
    `  Database: ${
      config.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'
    }`,
  ];

  if (adminBootstrap.created && adminBootstrap.generatedPassword) {
    lines.push(
      '',
      '  First admin created. Sign in with:',
      `    email:    ${adminBootstrap.email}`,
      `    password: ${adminBootstrap.generatedPassword}`,
      '  This password is shown only now. Keep it somewhere safe.',
    );
  } else if (adminBootstrap.created) {
    lines.push('', `  First admin created: ${adminBootstrap.email}, password from ADMIN_PASSWORD.`);
  } else {
    lines.push(
      '',
      '  Admin sign-in: the account created on first start (its password came from',
      '  ADMIN_PASSWORD, or was generated and shown once then).',
    );
  }
  const { provisioning } = runtime;
  if (provisioning.generated && provisioning.secret) {
    lines.push(
      '',
      '  Machine provisioning secret (enrols machines into any company, by slug):',
      `    ${provisioning.secret}`,
      `  Kept in ${config.dataDir}; set MACHINE_PROVISIONING_SECRET to choose your own.`,
    );
  } else if (!provisioning.secret) {
    lines.push('', '  Machine API disabled: set MACHINE_PROVISIONING_SECRET to enable enrolment.');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
