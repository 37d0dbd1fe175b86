import type { DiagramBlock, DiagramNode } from '../../panels/document';
import { html, type SafeHtml } from './html';
import { toneIcon } from './icons';

const stateLabels: Readonly<Record<DiagramNode['state'], string>> = {
  current: 'current status',
  visited: 'seen before',
  next: 'possible next step',
  other: '',
};

/**
 * The lifecycle as HTML, no SVG: the main path as a row of steps joined by arrows, then
 * each branch status as a card listing the arrows that lead into it; branches the object
 * has nothing to do with fold into "Other statuses". Reads top-down with a screen reader,
 * wraps on a narrow panel, and takes the theme's colours for free.
 */
export function renderDiagram(block: DiagramBlock): SafeHtml {
  const main = block.nodes.filter((node) => node.lane === 'main');
  const branches = block.nodes.filter((node) => node.lane === 'branch');
  // Branches that concern the object (it is, was, or can go there next) stay in view; the rest fold away.
  const near = branches.filter((node) => node.state !== 'other');
  const far = branches.filter((node) => node.state === 'other');
  const labelOf = new Map(block.nodes.map((node) => [node.id, node.label]));
  const card = (node: DiagramNode): SafeHtml =>
    html`<li class="${nodeClass(node)}"${node.state === 'current' ? html` aria-current="step"` : ''}>${nodeBody(node)}<ul class="edges">${block.edges
      .filter((edge) => edge.to === node.id)
      .map((edge) => html`<li class="${edge.inferred === true ? 'inferred' : ''}">${edge.fromAny === true ? 'from any status' : html`from ${labelOf.get(edge.from) ?? edge.from}`}: ${edge.label}${edge.inferred === true ? ' (expected)' : ''}</li>`)}</ul></li>`;
  return html`<section class="block diagram">
<h2>${block.title}</h2>
<ol class="lane">${main.map(
    (node, index) =>
      html`${index === 0 ? '' : html`<li class="arrow" aria-hidden="true">→</li>`}<li class="${nodeClass(node)}"${node.state === 'current' ? html` aria-current="step"` : ''}>${nodeBody(node)}</li>`,
  )}</ol>
${near.length === 0 ? '' : html`<ul class="branches">${near.map(card)}</ul>`}
${
  far.length === 0
    ? ''
    : html`<details class="other-branches" data-key="${block.title} · other statuses"><summary>Other statuses (${far.length})</summary><ul class="branches">${far.map(card)}</ul></details>`
}
</section>`;
}

function nodeClass(node: DiagramNode): string {
  return `node state-${node.state} tone-${node.tone}`;
}

function nodeBody(node: DiagramNode): SafeHtml {
  const state = stateLabels[node.state];
  return html`<span class="node-label">${node.state === 'current' ? toneIcon(node.tone) : ''}${node.label}</span>${state === '' ? '' : html`<span class="node-state">${state}</span>`}`;
}
