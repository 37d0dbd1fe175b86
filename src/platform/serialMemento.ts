import type * as vscode from 'vscode';

/**
 * globalState with its writes one after another. VS Code applies a write optimistically
 * and later replaces the extension's whole state with what was persisted, so two writes
 * in flight at once can lose one of them (microsoft/vscode#137132). Every store of the
 * extension shares one of these.
 */
export class SerialMemento implements vscode.Memento {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly inner: vscode.Memento) {}

  keys(): readonly string[] {
    return this.inner.keys();
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return defaultValue === undefined ? this.inner.get<T>(key) : this.inner.get<T>(key, defaultValue);
  }

  update(key: string, value: unknown): Thenable<void> {
    const next = this.last.then(() => this.inner.update(key, value));
    // A failed write must not stop the ones after it; its caller still sees the failure.
    this.last = next.then(undefined, () => undefined);
    return next;
  }
}
