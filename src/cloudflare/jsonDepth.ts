/**
 * Deepest nesting a response may have. Cloudflare's envelopes are a handful of levels
 * deep; anything past this is hostile, and recursive code (ours, JSON.stringify for
 * `--json`) would overflow the stack on it.
 */
export const maxJsonDepth = 64;

/**
 * True when `text` opens more than `max` arrays/objects inside one another. One linear
 * scan with no allocation, run before JSON.parse builds anything.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) {
        index++; // A backslash escapes the next character, a quote included.
      } else if (char === 0x22) {
        inString = false;
      }
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) {
        return true;
      }
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}
