/**
 * What a webview panel shows, as plain data: a title, a status, blocks and actions. The
 * extension host builds documents (src/panels), sends them over the message protocol
 * and the webview draws them with the pure renderer in ./render. Every panel (lifecycle,
 * probe results) is made of these few blocks, so one guard and one renderer serve them all.
 *
 * Every string in a document may come from the API or a certificate and is untrusted: the
 * renderer escapes all of them and no field is ever treated as markup or a URL.
 */

/** The catalog's severities, which pick an icon and a theme colour. */
export type Tone = 'ok' | 'progress' | 'warning' | 'error' | 'inactive' | 'info';

export interface StatusBadge {
  readonly label: string;
  readonly tone: Tone;
}

/** A piece of text that can be copied with a button beside it. */
export interface Value {
  readonly text: string;
  /** Monospace, for names, ids, records and PEM. */
  readonly code?: boolean;
  /** Shows a copy button; the label names what is copied ("TXT value"). */
  readonly copyLabel?: string;
  readonly tone?: Tone;
}

export interface FactsBlock {
  readonly kind: 'facts';
  readonly title?: string;
  readonly rows: readonly { readonly label: string; readonly value: Value }[];
}

export interface CalloutBlock {
  readonly kind: 'callout';
  readonly tone: Tone;
  readonly title: string;
  readonly lines: readonly string[];
}

export interface TableBlock {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Value[])[];
  /** What to say when there are no rows. */
  readonly empty?: string;
}

export interface TimelineBlock {
  readonly kind: 'timeline';
  readonly title: string;
  readonly entries: readonly { readonly at: string; readonly label: string; readonly detail?: string; readonly tone: Tone }[];
  readonly empty?: string;
}

/** Collapsed by default: the raw API object, a PEM, a JSON report. */
export interface CodeBlock {
  readonly kind: 'code';
  readonly title: string;
  readonly text: string;
  readonly copyLabel?: string;
  readonly open?: boolean;
}

export interface DiagramNode {
  /** The API status value; edges refer to it. */
  readonly id: string;
  readonly label: string;
  readonly lane: 'main' | 'branch';
  readonly tone: Tone;
  /** current: where the object is; visited: seen in its history; next: one step away. */
  readonly state: 'current' | 'visited' | 'next' | 'other';
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** Our expectation where the docs are silent; drawn dashed. */
  readonly inferred?: boolean;
  /** One arrow from every status that allows it (e.g. "Delete"); `from` is then ignored. */
  readonly fromAny?: boolean;
}

/** A lifecycle: the main path in a row, the branches below it. */
export interface DiagramBlock {
  readonly kind: 'diagram';
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export type Block = FactsBlock | CalloutBlock | TableBlock | TimelineBlock | CodeBlock | DiagramBlock;

/** A button in the panel's toolbar; its id comes back in an `action` message. */
export interface Action {
  readonly id: string;
  readonly label: string;
  /** A codicon name, e.g. "refresh". */
  readonly icon: string;
  readonly primary?: boolean;
}

export interface PanelDocument {
  readonly title: string;
  readonly subtitle?: string;
  readonly status?: StatusBadge;
  /** A short line under the title, e.g. "Updated 10:42:07" or "Stale: the last refresh failed". */
  readonly note?: string;
  readonly actions: readonly Action[];
  readonly blocks: readonly Block[];
}
