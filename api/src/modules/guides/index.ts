/** Public entry of the guides module. */
export { guidesModule } from './guides.module';
export { WECOM_CALLBACK_PATH } from './wecom.routes';
export type { GuideDirectory } from './guides.overview';
