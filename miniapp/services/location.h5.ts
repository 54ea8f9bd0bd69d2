/** H5: the browser's geolocation, given up after 5 s; a refusal or no support gives null. */
import type { GeoPoint } from '@common/pickup/types';

export function currentLocation(): Promise<GeoPoint | null> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout: 5000, maximumAge: 300_000 },
    );
  });
}
