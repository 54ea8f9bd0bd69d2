/**
 * Type of the per-platform region picker of the address form; webpack picks
 * region-picker.weapp.tsx (the native 省市区 picker) or region-picker.h5.tsx (none: typed).
 */
import type { ReactElement } from 'react';

export type Region = [string, string, string];

export declare function RegionPicker(props: { value: Region; onChange: (value: Region) => void }): ReactElement | null;
