/**
 * The member code drawn as a QR code or a Code 128 barcode, per platform: weapp paints a Canvas 2D
 * node; H5 paints a detached canvas and shows it as an image (sharp, and never cleared by a
 * re-render). Sizes are CSS pixels.
 */
import type { CodeKind } from './code-paint';

export declare function CodeCanvas(props: { id: string; kind: CodeKind; text: string; width: number; height: number; className?: string }): JSX.Element;
