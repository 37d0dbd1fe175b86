/** Makes a switch exhaustive: the compiler flags any case left unhandled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
