/**
 * Lists the tags and attributes of renderer output. Because the renderer escapes every
 * `<` and `"` of text, each `<` it emits starts a real tag and each attribute value ends
 * at the next quote: a scan is enough to see what a browser would build.
 */
export interface ScannedTag {
  readonly name: string;
  readonly attributes: readonly string[];
}

export function scanTags(markup: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  for (const match of markup.matchAll(/<\/?([a-zA-Z0-9!]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = [...(match[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((attribute) => attribute[1] ?? '');
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

/** `<` characters that do not start a tag the scanner recognised: must be none. */
export function strayAngles(markup: string): number {
  return (markup.match(/</g)?.length ?? 0) - scanTags(markup).length;
}
