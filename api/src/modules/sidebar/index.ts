/** Public entry of the sidebar module (the guide's page in WeCom's chat toolbar). */
export { sidebarModule } from './sidebar.module';
