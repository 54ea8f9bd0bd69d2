import { useMemo } from 'react';
import { Image } from '@tarojs/components';
import { type CodeKind, paintCode } from './code-paint';

/** H5: painted on a detached canvas at the screen's pixel ratio, shown as a PNG image. */
export function CodeCanvas({ id, kind, text, width, height, className }: { id: string; kind: CodeKind; text: string; width: number; height: number; className?: string }) {
  const src = useMemo(() => {
    const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
    const canvas = document.createElement('canvas');
    canvas.width = width * dpr;
    canvas.height = height * dpr;
    const ctx = canvas.getContext('2d');
    if (!ctx) return '';
    ctx.scale(dpr, dpr);
    paintCode(ctx, kind, text, width, height);
    return canvas.toDataURL('image/png');
  }, [kind, text, width, height]);
  return <Image id={id} className={className} src={src} style={{ width: `${width}px`, height: `${height}px` }} mode='scaleToFill' />;
}
