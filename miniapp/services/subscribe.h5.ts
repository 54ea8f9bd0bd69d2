/** H5 has no subscribe messages: the group page shows the result instead. */
export async function askGroupNotices(_tmplIds: string[]): Promise<void> {
  return undefined;
}
