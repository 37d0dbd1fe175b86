import type { Block, CalloutBlock, CodeBlock, FactsBlock, TableBlock, TimelineBlock, Value } from '../../panels/document';
import { assertNeverBlock } from './assertNeverBlock';
import { renderDiagram } from './diagram';
import { html, type SafeHtml } from './html';
import { copyButton, toneIcon } from './icons';

export function renderBlock(block: Block): SafeHtml {
  switch (block.kind) {
    case 'facts':
      return renderFacts(block);
    case 'callout':
      return renderCallout(block);
    case 'table':
      return renderTable(block);
    case 'timeline':
      return renderTimeline(block);
    case 'code':
      return renderCode(block);
    case 'diagram':
      return renderDiagram(block);
    default:
      return assertNeverBlock(block);
  }
}

export function renderValue(value: Value): SafeHtml {
  const text = value.code === true ? html`<code>${value.text}</code>` : html`${value.text}`;
  return html`<span class="value${value.tone === undefined ? '' : ` tone-${value.tone}`}">${value.tone === undefined ? '' : toneIcon(value.tone)}${text}</span>${
    value.copyLabel === undefined ? '' : copyButton(value.text, value.copyLabel)
  }`;
}

function heading(title: string | undefined): SafeHtml {
  return title === undefined ? html`` : html`<h2>${title}</h2>`;
}

function renderFacts(block: FactsBlock): SafeHtml {
  return html`<section class="block facts">${heading(block.title)}<dl>${block.rows.map((row) => html`<dt>${row.label}</dt><dd>${renderValue(row.value)}</dd>`)}</dl></section>`;
}

function renderCallout(block: CalloutBlock): SafeHtml {
  return html`<section class="block callout tone-${block.tone}" role="note">${toneIcon(block.tone)}<div><h2>${block.title}</h2>${block.lines.map((line) => html`<p>${line}</p>`)}</div></section>`;
}

function renderTable(block: TableBlock): SafeHtml {
  if (block.rows.length === 0) {
    return html`<section class="block table">${heading(block.title)}<p class="empty">${block.empty ?? 'None.'}</p></section>`;
  }
  return html`<section class="block table">${heading(block.title)}<div class="table-scroll"><table>
<thead><tr>${block.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${renderValue(cell)}</td>`)}</tr>`)}</tbody>
</table></div></section>`;
}

function renderTimeline(block: TimelineBlock): SafeHtml {
  if (block.entries.length === 0) {
    return html`<section class="block timeline">${heading(block.title)}<p class="empty">${block.empty ?? 'Nothing yet.'}</p></section>`;
  }
  return html`<section class="block timeline">${heading(block.title)}<ol>${block.entries.map(
    (entry) => html`<li class="tone-${entry.tone}">${toneIcon(entry.tone)}<time>${entry.at}</time><span class="label">${entry.label}</span>${
      entry.detail === undefined ? '' : html`<span class="detail">${entry.detail}</span>`
    }</li>`,
  )}</ol></section>`;
}

function renderCode(block: CodeBlock): SafeHtml {
  // data-key lets the webview keep a section open across re-renders.
  return html`<details class="block code" data-key="${block.title}"${block.open === true ? html` open` : ''}><summary>${block.title}</summary>${
    block.copyLabel === undefined ? '' : copyButton(block.text, block.copyLabel)
  }<pre><code>${block.text}</code></pre></details>`;
}
