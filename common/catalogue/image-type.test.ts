import { sniffImage } from './image-type';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

test('PNG, JPEG and WebP are known by their first bytes', () => {
  expect(sniffImage(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
  expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('jpeg');
  expect(sniffImage(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
});

test('anything else is not a picture, whatever it is named', () => {
  expect(sniffImage(bytes('GIF89a'))).toBeNull();
  expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
  expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
  expect(sniffImage(bytes([0x89], 'PN'))).toBeNull();
  expect(sniffImage(new Uint8Array())).toBeNull();
});
