/** The record types the diagnosis asks for. */
export type QuestionType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'CAA';

export interface CaaValue {
  readonly flags: number;
  readonly tag: string;
  readonly value: string;
}

/** One answer record, decoded; anything the diagnosis does not ask for is dropped. */
export type DnsRecord =
  | { readonly name: string; readonly type: 'A' | 'AAAA' | 'CNAME'; readonly data: string }
  | { readonly name: string; readonly type: 'TXT'; readonly data: string }
  | { readonly name: string; readonly type: 'CAA'; readonly data: CaaValue };

/** Why a question got no usable answer: each makes a check `unknown`, never `ok`. */
export type DnsFailureReason = 'timeout' | 'servfail' | 'refused' | 'malformed' | 'network' | 'cancelled';

/** What one question to one server came to. */
export type DnsResponse =
  | { readonly kind: 'answer'; readonly records: readonly DnsRecord[] }
  | { readonly kind: 'nxdomain'; readonly records: readonly DnsRecord[] }
  | { readonly kind: 'failure'; readonly reason: DnsFailureReason; readonly message: string };

/** Asks one question; implementations bound time, size and count. */
export interface DnsClient {
  ask(name: string, type: QuestionType): Promise<DnsResponse>;
}

/** Where DNS questions go: an address and a port (53 unless given). */
export interface DnsServer {
  readonly address: string;
  readonly port: number;
}
