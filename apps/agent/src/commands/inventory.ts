import { inventoryHash } from '@chamados/core/machines/inventory-hash';
import { type Command, parseCommandArgs, printJson, printLines, wantsJson } from '../cli.ts';
import { exitCodes } from '../errors.ts';
import { collectInventory } from '../inventory/collect.ts';

const usage = `Usage: chamados-agent inventory [--json]

Collects and prints exactly the inventory the agent would send to the server (nothing is
sent). With --json, or when stdout is not a terminal, the full document as JSON; otherwise a
summary.

Options:
  --json       print the full inventory as JSON
  -h, --help   this text`;

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'print the inventory the agent would send',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('inventory', argv, { json: { type: 'boolean' } });
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const started = Date.now();
    const inventory = await collectInventory();
    const elapsed = Date.now() - started;
    if (wantsJson(values.json as boolean | undefined)) {
      printJson(inventory);
      return exitCodes.ok;
    }
    const { hardware, os, identity } = inventory;
    const osLine = [os.name, os.version, os.build && `(${os.build})`, os.arch].filter(Boolean);
    const network = inventory.network.map(
      (item) => `${item.name}${item.defaultRoute ? '*' : ''} ${item.ipv4.join(',')}`,
    );
    printLines([
      `Host:       ${inventory.hostname}`,
      `OS:         ${osLine.join(' ')}`,
      `Hardware:   ${[hardware.vendor, hardware.model].filter(Boolean).join(' ') || 'unknown'}`,
      `Serial:     ${hardware.serial ?? '—'}    System UUID: ${hardware.systemUuid ?? '—'}`,
      `Identity:   ${identity.rule}${identity.note ? ` — ${identity.note}` : ''}`,
      `Network:    ${network.join('; ') || 'none'}`,
      `Volumes:    ${inventory.volumes.map((v) => v.mount).join(', ') || 'none'}`,
      `Software:   ${inventory.software.length} packages (${inventory.sources.software})`,
      `Users:      ${inventory.loggedInUsers.join(', ') || 'nobody logged in'}`,
      `Hash:       ${inventoryHash(inventory)}`,
      `Collected in ${elapsed} ms. Use --json for everything.`,
    ]);
    return exitCodes.ok;
  },
};
