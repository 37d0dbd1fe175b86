/**
 * A readability check for a panel in any theme: every piece of text drawn in the panel
 * is measured against the background it actually sits on (semi-transparent backgrounds
 * composited up to the first opaque one) with the WCAG contrast ratio. Colour variables a
 * theme leaves out, or pairs that only work together (the workbench's `code` colour and
 * its own background), show up here as text nobody can read.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import type { BrowserElement, BrowserGlobals } from './browserGlobals';

export interface LowContrastText {
  readonly text: string;
  readonly ratio: number;
  readonly color: string;
  readonly background: string;
}

/** The text in `#root` whose contrast with its background is below `minimum` (WCAG's AA is 4.5). */
export function lowContrastText(frame: Frame, minimum: number): Promise<LowContrastText[]> {
  return frame.evaluate((minimumRatio) => {
    const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba | undefined => {
      const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      return match === null ? undefined : [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const mix = (index: number): number => top[index]! * top[3] + bottom[index]! * (1 - top[3]);
      return [mix(0), mix(1), mix(2), 1];
    };
    const luminance = (color: Rgba): number => {
      const channel = (value: number): number => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(color[0]) + 0.7152 * channel(color[1]) + 0.0722 * channel(color[2]);
    };
    const backgroundOf = (element: BrowserElement): Rgba => {
      const layers: Rgba[] = [];
      for (let current: BrowserElement | null = element; current !== null; current = current.parentElement) {
        const layer = parse(getComputedStyle(current).backgroundColor);
        if (layer === undefined || layer[3] === 0) continue;
        layers.push(layer);
        if (layer[3] === 1) break;
      }
      // The body paints the editor background, so something opaque is always found; white is a formality.
      let composite: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) composite = over(layer, composite);
      return composite;
    };
    const found: Array<{ text: string; ratio: number; color: string; background: string }> = [];
    for (const element of document.querySelectorAll('#root *')) {
      const text = [...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent ?? '').join('').trim();
      if (text === '' || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible') continue;
      const background = backgroundOf(element);
      const foreground = parse(style.color);
      if (foreground === undefined) continue;
      const color = over(foreground, background);
      const [lighter, darker] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (lighter + 0.05) / (darker + 0.05);
      if (ratio < minimumRatio) found.push({ text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100, color: style.color, background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})` });
    }
    return found;
  }, minimum);
}

/** WCAG AA for normal text. */
const readableContrast = 4.5;

/** Fails, listing the offenders, when any text in the panel is below AA contrast. */
export async function assertReadable(frame: Frame): Promise<void> {
  assert.deepEqual(await lowContrastText(frame, readableContrast), [], 'all text is readable (WCAG AA contrast)');
}
