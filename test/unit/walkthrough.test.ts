import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';

interface Step {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly image?: string; readonly svg?: string; readonly altText: string };
  readonly completionEvents: readonly string[];
}
interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly walkthroughs: readonly { readonly id: string; readonly steps: readonly Step[] }[];
    readonly viewsWelcome: readonly { readonly contents: string }[];
    readonly menus: Record<string, readonly { readonly command: string; readonly when?: string }[]>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const [walkthrough] = manifest.contributes.walkthroughs;
const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
/** Commands other engineers are building; the walkthrough names them ahead of time. */
const comingCommands = new Set(['cloudflareCertificates.diagnose']);

describe('the Get Started walkthrough', () => {
  it('has the five steps, each with an image of at most 60 KB that the .vsix ships', () => {
    assert.ok(walkthrough);
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['connect', 'readTheTree', 'lifecycle', 'probe', 'diagnose']);
    for (const step of walkthrough.steps) {
      const file = step.media.image ?? step.media.svg;
      assert.ok(file !== undefined && step.media.altText.length > 0, `${step.id} has an image and its alt text`);
      const size = fs.statSync(path.join(repoRoot, file)).size;
      assert.ok(size <= 60 * 1024, `${file} is ${size} bytes`);
      const folder = path.posix.dirname(file);
      assert.ok(ignore.includes(`!${folder}/*${path.posix.extname(file)}`), `.vscodeignore lets ${file} into the .vsix`);
    }
  });

  it('completes each step on its command, all of them contributed (the diagnose command is on its way)', () => {
    assert.ok(walkthrough);
    const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
    for (const step of walkthrough.steps) {
      const commands = step.completionEvents.filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length));
      assert.ok(commands.length > 0, `${step.id} completes on a command`);
      for (const id of commands) assert.ok(contributed.has(id) || comingCommands.has(id), `${step.id}: ${id} is a command`);
      // A button runs the step's command, or (where that needs a tree item) shows the view to pick one in.
      for (const [, id] of step.description.matchAll(/\(command:([^)?]+)/g)) assert.ok(commands.includes(id ?? '') || id === 'cloudflareCertificates.explorer.focus', `${step.id}'s button runs a command that completes it (${id})`);
    }
    assert.deepEqual(walkthrough.steps.find((step) => step.id === 'diagnose')?.completionEvents, ['onCommand:cloudflareCertificates.diagnose']);
  });

  it('opens from the welcome content, the view\'s … menu and the command palette', () => {
    assert.ok(manifest.contributes.viewsWelcome.some((entry) => entry.contents.includes('(command:cloudflareCertificates.openWalkthrough)')));
    assert.ok(manifest.contributes.menus['view/title']?.some((entry) => entry.command === 'cloudflareCertificates.openWalkthrough'));
    assert.ok(!manifest.contributes.menus['commandPalette']?.some((entry) => entry.command === 'cloudflareCertificates.openWalkthrough'), 'not hidden from the palette');
  });
});
