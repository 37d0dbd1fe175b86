import * as vscode from 'vscode';
import { dismissed } from '../shared/appError';

/** A dismissed prompt ends the command silently (runCommand stays quiet on `cancelled`). */
export async function ask(options: vscode.InputBoxOptions): Promise<string> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  if (value === undefined) throw dismissed();
  return value.trim();
}
