const utf16LeBom = [0xff, 0xfe];
const utf8Bom = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Turns a Windows or Unix command's raw output into text with `\n` line ends.
 *
 * Windows tools disagree on encodings: `wmic /OUTPUT:` and PowerShell 5.1 `Out-File` write
 * UTF-16LE with a BOM; PowerShell with `[Console]::OutputEncoding` set to UTF-8 may put a UTF-8
 * BOM in front of its output; wmic writing to a pipe ends lines with `\r\r\n`. Anything without a
 * BOM is read as UTF-8. Output in an OEM code page (reg.exe or systeminfo on a non-UTF-8 console)
 * is not recognised and its non-ASCII characters become U+FFFD.
 */
export function decodeCommandOutput(bytes: Buffer): string {
  let text: string;
  if (startsWith(bytes, utf16LeBom)) {
    text = bytes.subarray(utf16LeBom.length).toString('utf16le');
  } else if (startsWith(bytes, utf8Bom)) {
    text = bytes.subarray(utf8Bom.length).toString('utf8');
  } else {
    text = bytes.toString('utf8');
  }

  return text.replace(/\r+\n/g, '\n');
}
