import type { DiagramBlock, DiagramEdge, DiagramNode } from './document';
import { lifecycleGraph, type LifecycleEdge, type LifecycleGraph } from '../domain/lifecycle';
import { describeStatus, type ObjectKind } from '../domain/status';
import { toneOf } from './text';

export interface DiagramInput {
  /** The status catalog's kind: `customHostnameSsl` for a custom hostname's certificate. */
  readonly kind: ObjectKind;
  readonly title: string;
  /** The object's status as the API gave it. */
  readonly status: string | null | undefined;
  /** Statuses the transition history saw this object in. */
  readonly seen: readonly string[];
}

/**
 * One lifecycle graph (src/domain/lifecycle.ts) with the object's place marked: its status
 * `current`, statuses from its history `visited`, those one arrow away `next`. A status the
 * graph does not know (a value Cloudflare added later, or none) still gets a node, so the
 * panel always shows where the object is. Undocumented statuses with no arrows are left
 * out unless the object is or was in them: they would only be noise.
 */
export function lifecycleDiagram(input: DiagramInput): DiagramBlock {
  const graph = lifecycleGraph(input.kind);
  const current = graphStatus(graph, input.status);
  const visited = new Set(input.seen.map((status) => graphStatus(graph, status) ?? status));
  const next = new Set(graph.edges.filter((edge) => edge.from === current).map((edge) => edge.to));
  const connected = new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]));
  const stateOf = (status: string): DiagramNode['state'] => (status === current ? 'current' : next.has(status) ? 'next' : visited.has(status) ? 'visited' : 'other');

  const nodes: DiagramNode[] = graph.nodes
    .filter((node) => connected.has(node.status) || node.status === current || visited.has(node.status))
    .map((node) => ({ id: node.status, label: node.label, lane: node.lane, tone: toneOf(node.severity), state: stateOf(node.status) }));
  if (current === undefined) {
    const info = describeStatus(input.kind, input.status);
    nodes.push({ id: info.value === '' ? '(none)' : info.value, label: info.label, lane: 'branch', tone: toneOf(info.severity), state: 'current' });
  }
  return { kind: 'diagram', title: input.title, nodes, edges: diagramEdges(graph.edges) };
}

/** The graph's status for an API value: exact, else as the catalog's lookup forgives case and separators. */
function graphStatus(graph: LifecycleGraph, value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const exact = graph.nodes.find((node) => node.status === value);
  if (exact !== undefined) return exact.status;
  const key = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return graph.nodes.find((node) => node.status === key)?.status;
}

/** Each "(any status) → x" spelled out per status in the graph becomes one arrow again. */
function diagramEdges(edges: readonly LifecycleEdge[]): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  const anyDrawn = new Set<string>();
  for (const edge of edges) {
    const flags = edge.inferred === true ? { inferred: true } : {};
    if (edge.fromAny !== true) {
      out.push({ from: edge.from, to: edge.to, label: edge.trigger, ...flags });
      continue;
    }
    const key = `${edge.to}\u0000${edge.trigger}`;
    if (anyDrawn.has(key)) continue;
    anyDrawn.add(key);
    out.push({ from: '*', to: edge.to, label: edge.trigger, fromAny: true, ...flags });
  }
  return out;
}
