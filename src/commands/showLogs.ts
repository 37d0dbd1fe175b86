import type * as vscode from 'vscode';

/** "Cloudflare: Show Logs": reveals the extension's log channel without stealing focus. */
export function showLogs(channel: vscode.LogOutputChannel): () => void {
  return () => channel.show(true);
}
