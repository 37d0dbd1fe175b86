/**
 * The messages between the extension host and a webview panel. Both sides check every
 * message on arrival with the guards below and drop (and log) anything else, so a
 * compromised or confused webview can ask for nothing but the actions its panel offers.
 *
 * The handshake: the webview posts `ready` once its script runs; only then does the host
 * post the document (a message posted earlier would be lost), and again on every update.
 */
import type { PanelDocument } from '../panels/document';
import { isPanelDocument } from './documentGuards';
import { isBoolean, isObject, isOneOf, isString, type Guard } from './guard';

/** What the webview keeps with `setState`, so a panel restored after a reload knows its object. */
export interface PanelState {
  /** Opaque to the webview: the host's key for what the panel shows. */
  readonly key: string;
}

export const isPanelState: Guard<PanelState> = isObject({ key: isString });

export type HostMessage =
  /** Draw this document; keep `state` for the panel serializer. */
  | { readonly type: 'render'; readonly document: PanelDocument; readonly state: PanelState }
  /** An action is running: the toolbar shows progress and its buttons wait. */
  | { readonly type: 'busy'; readonly busy: boolean };

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** A toolbar or inline button: the id of one of the document's actions. */
  | { readonly type: 'action'; readonly id: string }
  /** A copy button: the text and what it is, for the host's confirmation. */
  | { readonly type: 'copy'; readonly text: string; readonly label: string };

const isRender = isObject({ type: isOneOf(['render']), document: isPanelDocument, state: (value: unknown): value is PanelState => isPanelState(value) });
const isBusy = isObject({ type: isOneOf(['busy']), busy: isBoolean });

export const isHostMessage: Guard<HostMessage> = (value): value is HostMessage => isRender(value) || isBusy(value);

const isReady = isObject({ type: isOneOf(['ready']) });
const isActionMessage = isObject({ type: isOneOf(['action']), id: isString });
const isCopy = isObject({ type: isOneOf(['copy']), text: isString, label: isString });

export const isWebviewMessage: Guard<WebviewMessage> = (value): value is WebviewMessage => isReady(value) || isActionMessage(value) || isCopy(value);
