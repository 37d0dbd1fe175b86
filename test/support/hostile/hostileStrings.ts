/** Strings an API or a certificate could carry to break out of text into markup or script. */
export const hostileStrings: readonly string[] = [
  '<script>document.body.dataset.pwned = "1"</script>',
  '"><img src=x onerror="document.body.dataset.pwned=1">',
  "' onmouseover='alert(1)",
  'javascript:alert(document.domain)',
  '<a href="javascript:alert(1)">click</a>',
  '</code></pre></details><script>alert(1)</script>',
  '`${alert(1)}`',
  '&lt;script&gt; already escaped &amp; once',
  'x'.repeat(10_000),
];
