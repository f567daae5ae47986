import type { SoftwareItem } from '../types.ts';

/**
 * The developer named by an app's signing certificate: `Developer ID Application: Adobe Inc.
 * (JQ525L2MZD)` → `Adobe Inc.` (older certificates have no team ID in parentheses). Apple's own
 * apps are signed `Software Signing`, which names no one, so they fall back to `Apple` when
 * system_profiler says they were obtained from Apple. Mac App Store apps are re-signed by Apple
 * (`Apple Mac OS Application Signing`) and unsigned or unknown apps name no developer: `null`.
 */
function publisherOf(
  leafCertificate: string | undefined,
  obtainedFromApple: boolean,
): string | null {
  const developer = leafCertificate?.match(/^[^:]+: (.+?)(?: \([A-Z0-9]{10}\))?$/)?.[1];
  if (developer) return developer;
  return obtainedFromApple ? 'Apple' : null;
}

/**
 * The first certificate of the text form's comma-separated chain. Splitting on the first comma
 * would cut `Developer ID Application: XMind Ltd., …` in the wrong place if a name held a comma,
 * so the authorities are removed from the end instead.
 */
function leafOfChain(chain: string | undefined): string | undefined {
  return chain?.match(/^(.+?)(?:, [^,]*(?:Certification Authority|Root CA))*$/)?.[1];
}

/**
 * Parses the plain-text `system_profiler SPApplicationsDataType`: under `Applications:`, each app
 * is a name ending in a colon, and its fields (`Version: …`, `Obtained from: …`, `Signed by: …`)
 * are indented deeper. The indentation of the first app sets the level of the others, so a
 * field with an empty value is never taken for an app. Every listed bundle is kept, including
 * the same app found at two locations; a missing version is `''`. The publisher rule is
 * described on {@link publisherOf}. Labels are matched in English, as system_profiler printed
 * them on a French-language Mac.
 *
 * Names are normalised to NFC: system_profiler prints the localised names of Apple's apps
 * decomposed, as the file system stores them (`E` + U+0301 in `Échecs`), and the same name must
 * compare equal however it was collected.
 */
export function parseSystemProfilerApplications(text: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];
  let appIndent: number | null = null;
  let app: { name: string; fields: Map<string, string> } | null = null;

  const finish = () => {
    if (!app) return;
    const { name, fields } = app;
    const leaf = leafOfChain(fields.get('Signed by'));
    const fromApple = fields.get('Obtained from') === 'Apple';
    items.push({
      name,
      version: fields.get('Version') ?? '',
      publisher: publisherOf(leaf, fromApple),
    });
    app = null;
  };

  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed === '' || indent === 0) continue;

    appIndent ??= indent;
    if (indent === appIndent) {
      finish();
      app = { name: trimmed.replace(/:$/, '').normalize('NFC'), fields: new Map() };
    } else if (indent > appIndent && app) {
      const separator = trimmed.indexOf(': ');
      if (separator > 0) app.fields.set(trimmed.slice(0, separator), trimmed.slice(separator + 2));
    }
  }
  finish();
  return items;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses `system_profiler SPApplicationsDataType -json`:
 * `{"SPApplicationsDataType":[{"_name","version","obtained_from","signed_by":[…]}]}`, where
 * `obtained_from` is a token (`apple`, `identified_developer`, `mac_app_store`, `unknown`) and
 * `signed_by` lists the chain leaf first. Same rules as the text form, NFC names included.
 * Throws a `SyntaxError` when the text is not JSON.
 */
export function parseSystemProfilerApplicationsJson(text: string): SoftwareItem[] {
  const parsed: unknown = JSON.parse(text);
  const list = isRecord(parsed) ? parsed.SPApplicationsDataType : undefined;
  const apps: unknown[] = Array.isArray(list) ? list : [];

  const items: SoftwareItem[] = [];
  for (const app of apps) {
    if (!isRecord(app) || typeof app._name !== 'string' || app._name === '') continue;

    const leaf: unknown = Array.isArray(app.signed_by) ? app.signed_by[0] : undefined;
    items.push({
      name: app._name.normalize('NFC'),
      version: typeof app.version === 'string' ? app.version : '',
      publisher: publisherOf(
        typeof leaf === 'string' ? leaf : undefined,
        app.obtained_from === 'apple',
      ),
    });
  }
  return items;
}
