/**
 * The outbox's event types. Each module declares its own events by declaration merging, beside
 * its code, e.g. in groupbuy/groupbuy.events.ts:
 *
 *   declare module '../outbox' {
 *     interface OutboxEvents { GroupSucceeded: { groupId: number } }
 *   }
 *
 * Payloads carry ids and amounts, never whole rows: a handler reads what it needs when it runs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface OutboxEvents {}

export type OutboxEventType = keyof OutboxEvents;
