/**
 * The few browser shapes the e2e checks read inside `page.evaluate`. The test build has
 * no DOM library (tests run in Node), so a callback that runs in Chromium starts with
 * `const { document } = globalThis as unknown as BrowserGlobals;` — a cast, erased at
 * compile time, so the serialised callback refers to the page's own globals only.
 */
export interface BrowserElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
  readonly parentElement: BrowserElement | null;
  readonly childNodes: Iterable<{ readonly nodeType: number; readonly textContent: string | null }>;
  getClientRects(): { readonly length: number };
}

export interface BrowserGlobals {
  readonly document: {
    readonly body: BrowserElement | null;
    readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
    readonly visibilityState: string;
    readonly activeElement: BrowserElement | null;
    getElementById(id: string): BrowserElement | null;
    querySelector(selector: string): BrowserElement | null;
    querySelectorAll(selector: string): Iterable<BrowserElement>;
  };
  getComputedStyle(this: void, element: BrowserElement): {
    readonly outlineStyle: string;
    readonly outlineColor: string;
    readonly color: string;
    readonly backgroundColor: string;
    readonly visibility: string;
  };
  readonly innerHeight: number;
  requestAnimationFrame(callback: () => void): number;
  scrollTo(x: number, y: number): void;
  readonly navigator: { readonly clipboard: { readText(): Promise<string> } };
}
