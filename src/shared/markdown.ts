/**
 * Escapes text from the API or a certificate for Markdown (tooltips, hovers), so a
 * hostile hostname or error message shows literally instead of becoming a link,
 * an image or formatting.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

/** Inline code that survives any backticks inside it. */
export function markdownCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${text.replace(/\r?\n/g, ' ')} ${fence}`;
}

/**
 * Text for a notification. VS Code turns `[label](command:…)`, `(https://…)` and `(file:…)`
 * in a notification into a link that runs or opens it when clicked, and has no escape for
 * it. Names, statuses and error messages come from the API, so a zero-width space is put
 * between `]` and `(`: the text reads the same and no link forms.
 */
export function defuseLinks(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(');
}
