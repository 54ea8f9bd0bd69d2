import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { type CodeKind, paintCode } from './code-paint';

/** weapp: a Canvas 2D node, sized for the device pixel ratio, repainted when the text changes. */
export function CodeCanvas({ id, kind, text, width, height, className }: { id: string; kind: CodeKind; text: string; width: number; height: number; className?: string }) {
  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: { width: number; height: number; getContext(type: '2d'): CanvasRenderingContext2D } }[]) => {
        const canvas = res?.[0]?.node;
        if (!canvas) return;
        const dpr = Taro.getSystemInfoSync().pixelRatio || 2;
        canvas.width = width * dpr;
        canvas.height = height * dpr;
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        paintCode(ctx, kind, text, width, height);
      });
  }, [id, kind, text, width, height]);
  return <Canvas type='2d' id={id} className={className} style={{ width: `${width}px`, height: `${height}px` }} />;
}
