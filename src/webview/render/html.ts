/**
 * Markup built from trusted templates and escaped values. `html` escapes every
 * interpolated value unless it is already `SafeHtml` (the output of another `html`), so
 * untrusted text can only ever appear as text: never as a tag, an attribute or a URL.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => escapes[character] ?? character);
}

type Interpolation = SafeHtml | string | number | undefined | null | false | readonly Interpolation[];

function interpolate(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Interpolation[]).map(interpolate).join('');
  return escapeHtml(String(value));
}

/** A tagged template: `html`<b>${name}</b>`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += interpolate(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
