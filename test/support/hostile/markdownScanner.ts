/**
 * Reads Markdown as VS Code's hovers render it, to check that text from the API cannot
 * become markup: inside a code span everything is literal; elsewhere a backslash makes the
 * next character literal.
 */

/** The Markdown with its code spans (any run of backticks to the same run) cut out. */
export function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?\1/g, ' ');
}

/**
 * Characters of `markdown` that would act as markup: an unescaped `<` outside code spans
 * (an HTML tag) or an unescaped `](` (a link or image). Must be none for API text.
 */
export function liveMarkup(markdown: string): string[] {
  const text = outsideCodeSpans(markdown);
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '<') found.push(text.slice(i, i + 20));
    if (text[i] === ']' && text[i + 1] === '(') found.push(text.slice(Math.max(0, i - 10), i + 10));
  }
  return found;
}
