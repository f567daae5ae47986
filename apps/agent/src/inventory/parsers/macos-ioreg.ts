/** The identity of a Mac as the I/O Kit platform device reports it; `null` when absent. */
export interface IoregPlatform {
  uuid: string | null;
  serial: string | null;
  /** The model identifier, e.g. `MacBookPro12,1`. */
  model: string | null;
}

/** `"key" = value`, after any `| ` tree prefixes are removed. */
const propertyLine = /^"([^"]+)" = (.*)$/;

/**
 * A property value as ioreg prints it: `"text"` for a string, `<"text">` for data that happens
 * to be printable. Anything else (hex blobs, numbers, arrays) is not text and yields `null`.
 */
function textValue(raw: string): string | null {
  const match = /^<?"(.*)">?$/.exec(raw.trim());
  return match?.[1] ?? null;
}

/**
 * Reads the IOPlatformExpertDevice properties from `ioreg -rd1 -c IOPlatformExpertDevice` or
 * from the tree printed by `ioreg -l`, where each line carries `| ` prefixes. Only the property
 * block right under the `<class IOPlatformExpertDevice, …>` node is read, so properties of other
 * nodes in a tree cannot leak in. The serial comes from `IOPlatformSerialNumber`, because
 * `serial-number` is a zero-padded hex blob.
 */
export function parseIoregPlatform(text: string): IoregPlatform {
  const properties = new Map<string, string>();
  let inNode = false;

  for (const line of text.split(/\r?\n/)) {
    if (!inNode) {
      inNode = line.includes('<class IOPlatformExpertDevice,');
      continue;
    }

    const content = line.replace(/^[\s|]*/, '');
    if (content === '}' || content.startsWith('+-o ')) break;

    const match = propertyLine.exec(content);
    const value = match ? textValue(match[2] ?? '') : null;
    if (match?.[1] && value !== null) properties.set(match[1], value);
  }

  return {
    uuid: properties.get('IOPlatformUUID') || null,
    serial: properties.get('IOPlatformSerialNumber') || null,
    model: properties.get('model') || properties.get('product-name') || null,
  };
}
