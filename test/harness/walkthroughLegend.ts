/**
 * Draws the walkthrough's legend (media/walkthrough/legend.svg) from the status catalog:
 * every icon in every colour the tree gives a status, what it means and the labels drawn
 * with it. VS Code shows a walkthrough's SVG inline with the theme's colours as CSS
 * variables, so the legend is drawn in the colours of the reader's theme. A unit test
 * checks the file is what this draws; `npm run walkthrough:legend` writes it again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statusLegend, type LegendEntry } from '../../src/domain/status';
import { repoRoot } from './paths';

export const legendPath = path.join(repoRoot, 'media', 'walkthrough', 'legend.svg');

const codiconsDir = path.join(repoRoot, 'node_modules', '@vscode', 'codicons', 'src');

/** The colours of Dark Modern, for a viewer that has no theme variables. */
const fallbacks: Readonly<Record<string, string>> = {
  errorForeground: '#f85149',
  'charts.yellow': '#cca700',
  'charts.blue': '#3794ff',
  'testing.iconPassed': '#73c991',
  disabledForeground: '#8b8b8b',
  descriptionForeground: '#9d9d9d',
  foreground: '#cccccc',
};

const WIDTH = 640;
const LINE = 17;
const WRAP = 86;

function themeColor(id: string): string {
  const fallback = fallbacks[id];
  if (fallback === undefined) throw new Error(`No fallback colour for the theme colour ${id}: add one to walkthroughLegend.ts`);
  return `var(--vscode-${id.replace(/\./g, '-')}, ${fallback})`;
}

/** The drawing of a codicon (its paths), by id or by one of its aliases (`clock` is `history`). */
function codiconPaths(icon: string): string {
  const name = icon.split('~')[0] ?? icon;
  const mapping = JSON.parse(fs.readFileSync(path.join(codiconsDir, 'template', 'mapping.json'), 'utf8')) as Record<string, string[]>;
  const aliases = Object.values(mapping).find((names) => names.includes(name)) ?? [name];
  for (const candidate of [name, ...aliases]) {
    const file = path.join(codiconsDir, 'icons', `${candidate}.svg`);
    if (fs.existsSync(file)) {
      const svg = fs.readFileSync(file, 'utf8');
      const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(svg)?.[1];
      if (inner !== undefined) return inner.trim();
    }
  }
  throw new Error(`No codicon named ${name}`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Labels joined with middle dots, broken into lines of at most WRAP characters. */
function wrap(labels: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const label of labels) {
    const next = line === '' ? label : `${line} · ${label}`;
    if (next.length > WRAP && line !== '') {
      lines.push(line);
      line = label;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function row(entry: LegendEntry, top: number): { svg: string; height: number } {
  const labels = wrap(entry.labels);
  const text = [
    `<text x="36" y="${top + 14}" class="meaning">${escapeXml(entry.meaning)}</text>`,
    ...labels.map((line, index) => `<text x="36" y="${top + 14 + LINE * (index + 1)}" class="labels">${escapeXml(line)}</text>`),
  ];
  const icon = `<g transform="translate(8 ${top}) scale(1.25)" style="fill: ${themeColor(entry.color)}"><title>${escapeXml(`${entry.icon} in ${entry.color}`)}</title>${codiconPaths(entry.icon)}</g>`;
  return { svg: [icon, ...text].join('\n'), height: LINE * (labels.length + 1) + 12 };
}

/** The legend as SVG text. */
export function legendSvg(): string {
  const parts: string[] = [];
  let top = 8;
  for (const entry of statusLegend()) {
    const drawn = row(entry, top);
    parts.push(drawn.svg);
    top += drawn.height;
  }
  parts.push(`<text x="8" y="${top + 12}" class="labels">A certificate close to expiry takes the warning or error icon, whatever its status.</text>`);
  const height = top + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Legend: every status icon and colour of the Cloudflare Certificates tree">`,
    '<style>',
    `  text { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 13px; }`,
    `  .meaning { fill: ${themeColor('foreground')}; font-weight: 600; }`,
    `  .labels { fill: ${themeColor('descriptionForeground')}; }`,
    '</style>',
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(legendPath), { recursive: true });
  fs.writeFileSync(legendPath, legendSvg());
  process.stdout.write(`Wrote ${path.relative(repoRoot, legendPath)}\n`);
}
