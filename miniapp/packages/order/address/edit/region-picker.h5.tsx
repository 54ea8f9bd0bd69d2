/** H5 has no native region picker: the shopper types 省 / 市 / 区. */
export type Region = [string, string, string];

export function RegionPicker(_props: { value: Region; onChange: (value: Region) => void }) {
  return null;
}
