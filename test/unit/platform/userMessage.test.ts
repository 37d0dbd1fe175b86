import * as assert from 'node:assert/strict';
import { CloudflareApiError } from '../../../src/cloudflare';
import { userMessage } from '../../../src/platform/userMessage';
import { AppError } from '../../../src/shared/appError';

// The pattern VS Code's notifications turn into clickable links (parseLinkedText).
const linkPattern = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('userMessage', () => {
  it('keeps a typed error’s own words', () => {
    assert.equal(userMessage(new AppError('not_loaded', 'That zone is not loaded.')), 'That zone is not loaded.');
  });

  it('says plainly that an untyped error is a bug', () => {
    assert.equal(userMessage(new TypeError('x is undefined')), 'Something went wrong: x is undefined');
  });

  it('never lets an API message or name quoted in an error form a link the notification would run', () => {
    const payload = '[Fix it](command:workbench.action.terminal.new)';
    const messages = [
      userMessage(new CloudflareApiError('bad_request', `Cloudflare refused it (HTTP 400: 1004 ${payload})`)),
      userMessage(new AppError('nothing_to_probe', `*.${payload} names no single host`)),
      userMessage(new Error(payload)),
    ];
    for (const message of messages) {
      assert.ok(message.includes('Fix it'), message);
      assert.equal(message.match(linkPattern), null, message);
    }
  });
});
