/**
 * The products 首页 lists under 新品上架, first page: what pages/index asks for, what index.html
 * preloads (config/index.ts, written out there), and what the API server-renders into index.html's first screen
 * (api/src/platform/first-screen.ts). One query, so all three share the catalogue's kept answer.
 */
export const HOME_PRODUCTS = { sort: 'newest', page: 1, pageSize: 20 } as const;
