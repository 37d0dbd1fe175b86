import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, FallbackOrigin, PackCertificate } from '../cloudflare';
import type { LoadError } from './loadable';
import type { StatusGroupKind } from './statusGroups';

export type GroupKind = 'edgeCertificates' | 'customCertificates' | 'customHostnames' | 'clientCertificates';

/** A DNS record or URL a validation needs; what the copy actions copy. */
export interface ValidationRecordView {
  readonly method: 'txt' | 'http' | 'cname' | 'email';
  /** Where: the TXT/CNAME name, the HTTP URL, or the e-mail addresses. */
  readonly name: string;
  /** What: the TXT value, the HTTP body or the CNAME target. */
  readonly value: string;
  readonly status?: string;
  /** What it proves: certificate validation (DCV) or hostname ownership. */
  readonly purpose: 'certificate' | 'ownership';
}

export type MessageKind = 'loading' | 'error' | 'permission' | 'empty' | 'info';

/**
 * Marks an object node (and the nodes below it) shown under a status group rather than
 * under its zone: the same object then has another id, so VS Code never mixes up the
 * expansion state of the two arrangements.
 */
interface Placement {
  readonly byStatus?: true;
}

/**
 * A node of the explorer tree. Object nodes carry the object as the API returned it, so
 * drawing thousands of custom hostnames needs no lookups; the tree is rebuilt from the
 * model on every refresh. Every node knows its account and (below a zone) its zone.
 */
export type ExplorerNode =
  | { readonly type: 'account'; readonly account: string }
  | { readonly type: 'zone'; readonly account: string; readonly zone: string }
  | { readonly type: 'group'; readonly account: string; readonly zone: string; readonly group: GroupKind }
  | { readonly type: 'pack'; readonly account: string; readonly zone: string; readonly pack: CertificatePack } & Placement
  | { readonly type: 'packCertificate'; readonly account: string; readonly zone: string; readonly pack: CertificatePack; readonly certificate: PackCertificate; readonly index: number } & Placement
  | { readonly type: 'host'; readonly account: string; readonly zone: string; readonly owner: string; readonly host: string } & Placement
  | { readonly type: 'record'; readonly account: string; readonly zone: string; readonly owner: string; readonly record: ValidationRecordView; readonly index: number } & Placement
  | { readonly type: 'customCertificate'; readonly account: string; readonly zone: string; readonly certificate: CustomCertificate } & Placement
  | { readonly type: 'customHostname'; readonly account: string; readonly zone: string; readonly hostname: CustomHostname } & Placement
  | { readonly type: 'clientCertificate'; readonly account: string; readonly zone: string; readonly certificate: ClientCertificate } & Placement
  | { readonly type: 'fallbackOrigin'; readonly account: string; readonly zone: string; readonly origin: FallbackOrigin }
  | { readonly type: 'statusGroup'; readonly account: string; readonly status: StatusGroupKind }
  | { readonly type: 'loadMore'; readonly account: string; readonly zone: string; readonly loaded: number; readonly total: number }
  | {
      readonly type: 'message';
      readonly parentId: string;
      readonly kind: MessageKind;
      readonly text: string;
      readonly detail?: string;
      readonly error?: LoadError;
      /** The node to retry or reload, when the message is about a failed load. */
      readonly retry?: ExplorerNode;
      /** Set on the row a filter that hides everything leaves: clicking it clears the filter. */
      readonly clearsFilter?: true;
    };

/** A stable id per node, so VS Code keeps expansion and selection across refreshes. */
export function nodeId(node: ExplorerNode): string {
  const id = zoneScopedId(node);
  return 'byStatus' in node && node.byStatus === true ? `byStatus/${id}` : id;
}

function zoneScopedId(node: ExplorerNode): string {
  switch (node.type) {
    case 'account':
      return `account/${node.account}`;
    case 'zone':
      return `zone/${node.account}/${node.zone}`;
    case 'group':
      return `group/${node.account}/${node.zone}/${node.group}`;
    case 'pack':
      return `pack/${node.account}/${node.zone}/${node.pack.id}`;
    case 'packCertificate':
      return `packCertificate/${node.account}/${node.zone}/${node.pack.id}/${String(node.certificate.id ?? node.index)}`;
    case 'host':
      return `host/${node.account}/${node.zone}/${node.owner}/${node.host}`;
    case 'record':
      return `record/${node.account}/${node.zone}/${node.owner}/${node.record.purpose}/${node.record.method}/${node.index}`;
    case 'customCertificate':
      return `customCertificate/${node.account}/${node.zone}/${node.certificate.id}`;
    case 'customHostname':
      return `customHostname/${node.account}/${node.zone}/${node.hostname.id}`;
    case 'clientCertificate':
      return `clientCertificate/${node.account}/${node.zone}/${node.certificate.id}`;
    case 'fallbackOrigin':
      return `fallbackOrigin/${node.account}/${node.zone}`;
    case 'statusGroup':
      return `statusGroup/${node.account}/${node.status}`;
    case 'loadMore':
      return `loadMore/${node.account}/${node.zone}`;
    case 'message':
      return `${node.parentId}/message/${node.kind}`;
  }
}
