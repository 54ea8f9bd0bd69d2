/** Public entry of the subscriptions module: consents and the notifier (send once per member and event key). */
export { subscriptionsModule } from './subscriptions.module';
export type { Notice, NoticeOutcome, SubscribeNotifier } from './notifier';
