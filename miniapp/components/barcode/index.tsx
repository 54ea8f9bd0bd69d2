/**
 * A Code 128 barcode drawn with plain views (bars are black views, spaces empty ones), so it looks
 * the same on weapp and H5 with no canvas and no library. Widths come from common/barcode.
 */
import { View } from '@tarojs/components';
import { code128Widths } from '@common/barcode/code128';
import './index.scss';

/** Quiet zone on each side, in modules (the symbology asks for at least 10). */
const QUIET = 10;

export function Barcode({ value, className = '' }: { value: string; className?: string }) {
  const widths = code128Widths(value);
  const total = widths.reduce((a, b) => a + b, 0) + 2 * QUIET;
  const pct = (modules: number) => `${(modules / total) * 100}%`;
  return (
    <View className={`barcode ${className}`} style={{ paddingLeft: pct(QUIET), paddingRight: pct(QUIET) }} aria-label={`条形码 ${value}`}>
      {widths.map((w, i) => (
        <View key={i} className={i % 2 === 0 ? 'barcode__bar' : 'barcode__space'} style={{ width: pct(w) }} />
      ))}
    </View>
  );
}
