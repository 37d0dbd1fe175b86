import type { Action, Block, PanelDocument, Tone, Value } from '../panels/document';
import { isArrayOf, isBoolean, isObject, isOneOf, isString, type Guard } from './guard';

const tones: readonly Tone[] = ['ok', 'progress', 'warning', 'error', 'inactive', 'info'];
const isTone = isOneOf(tones);

const isValue: Guard<Value> = isObject({ text: isString }, { code: isBoolean, copyLabel: isString, tone: isTone });

const blockGuards: { readonly [K in Block['kind']]: Guard<Extract<Block, { kind: K }>> } = {
  facts: isObject({ kind: isOneOf(['facts']), rows: isArrayOf(isObject({ label: isString, value: isValue })) }, { title: isString }),
  callout: isObject({ kind: isOneOf(['callout']), tone: isTone, title: isString, lines: isArrayOf(isString) }),
  table: isObject({ kind: isOneOf(['table']), title: isString, columns: isArrayOf(isString), rows: isArrayOf(isArrayOf(isValue)) }, { empty: isString }),
  timeline: isObject(
    { kind: isOneOf(['timeline']), title: isString, entries: isArrayOf(isObject({ at: isString, label: isString, tone: isTone }, { detail: isString })) },
    { empty: isString },
  ),
  code: isObject({ kind: isOneOf(['code']), title: isString, text: isString }, { copyLabel: isString, open: isBoolean }),
  diagram: isObject({
    kind: isOneOf(['diagram']),
    title: isString,
    nodes: isArrayOf(
      isObject({ id: isString, label: isString, lane: isOneOf(['main', 'branch']), tone: isTone, state: isOneOf(['current', 'visited', 'next', 'other']) }),
    ),
    edges: isArrayOf(isObject({ from: isString, to: isString, label: isString }, { inferred: isBoolean, fromAny: isBoolean })),
  }),
};

export function isBlock(value: unknown): value is Block {
  if (typeof value !== 'object' || value === null || !('kind' in value) || typeof value.kind !== 'string') return false;
  // An own-property lookup: a kind such as "__proto__" or "toString" must not find a guard.
  if (!Object.prototype.hasOwnProperty.call(blockGuards, value.kind)) return false;
  const guard = (blockGuards as Record<string, Guard<Block>>)[value.kind];
  return guard !== undefined && guard(value);
}

const isAction: Guard<Action> = isObject({ id: isString, label: isString, icon: isString }, { primary: isBoolean });

export const isPanelDocument: Guard<PanelDocument> = isObject(
  { title: isString, actions: isArrayOf(isAction), blocks: isArrayOf(isBlock) },
  { subtitle: isString, status: isObject({ label: isString, tone: isTone }), note: isString },
);
