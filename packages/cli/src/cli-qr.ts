import { renderUnicodeCompact } from "uqr";

/**
 * The URL as a QR code in Unicode half blocks (two modules per character row), from uqr. Light
 * modules are drawn as block characters, so the code reads correctly on a dark terminal
 * background; most phone cameras also read it inverted, on a light one. The border is two modules
 * wide: the light frame a scanner needs around the code, since the terminal around it is dark.
 */
export function renderQrCode(url: string): string {
  return renderUnicodeCompact(url, { border: 2 });
}
