/**
 * Asks the shopper's consent for the group-buy result notices (success, failure with refund),
 * for the template ids the server names. Only after a tap; on H5 there is no subscribe message
 * and it does nothing. Never throws: a refusal just means no notice.
 */
export declare function askGroupNotices(tmplIds: string[]): Promise<void>;
