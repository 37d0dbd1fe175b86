import type { Severity } from '../domain/status';
import type { ExplorerSnapshot } from './snapshot';

/** What a tree item shows, free of VS Code types; src/views turns it into a TreeItem. */
export interface TreeItemModel {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown; every API string in it is escaped. */
  readonly tooltip?: string;
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** Runs on click: retry a failed load, load more hostnames, clear the filter. */
  readonly command?: { readonly id: 'retry' | 'loadMore' | 'clearFilter'; readonly title: string };
  /** Counted by the view's badge when warning or error. */
  readonly severity?: Severity;
}

/** What items are drawn from: one snapshot of the model, with its clock, thresholds and view options. */
export type PresentationContext = ExplorerSnapshot;
