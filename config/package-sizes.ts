import fs from 'node:fs'
import path from 'node:path'

/** The weapp main package's budget (WeChat's own limit is 2 MB; a small main package opens faster). */
export const MAIN_PACKAGE_BUDGET = 600 * 1024

/** Files of the output that are not uploaded as code (DevTools' project files, source maps). */
const NOT_UPLOADED = /(^|\/)project(\.private)?\.config\.json$|\.map$/

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface PackageSize {
  /** 'main' or a subpackage's root as app.json names it (packages/order). */
  name: string
  bytes: number
  files: number
}

/**
 * Bytes of each package of a weapp build: a file belongs to the subpackage whose root holds it,
 * every other file to the main package (as WeChat counts them; its checkCodeQuality agrees).
 */
export function packageSizes(weappDir: string): PackageSize[] {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', bytes: 0, files: 0 }], ...roots.map((r) => [r, { name: r, bytes: 0, files: 0 }] as const)])
  for (const file of filesUnder(weappDir)) {
    const rel = path.relative(weappDir, file).split(path.sep).join('/')
    if (NOT_UPLOADED.test(rel)) continue
    const size = sizes.get(roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main')!
    size.bytes += fs.statSync(file).size
    size.files++
  }
  return [...sizes.values()]
}

export function formatPackageSizes(sizes: PackageSize[]): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10)
  const total = sizes.reduce((n, s) => n + s.bytes, 0)
  return [
    'weapp packages:',
    ...sizes.map((s) => `  ${s.name.padEnd(22)}${kib(s.bytes)}  ${String(s.files).padStart(3)} files${s.name === 'main' ? `  (budget ${MAIN_PACKAGE_BUDGET / 1024} KiB)` : ''}`),
    `  ${'total'.padEnd(22)}${kib(total)}`,
  ].join('\n')
}

/**
 * Prints every package's size once the weapp build is written (also in watch builds), and warns
 * when the main package is over its budget (weapp-build.test.ts fails on it).
 */
export class PackageSizePlugin {
  apply(compiler: any): void {
    compiler.hooks.done.tap('PackageSizePlugin', (stats: any) => {
      const dir: string = compiler.options.output.path
      if (stats.hasErrors() || !fs.existsSync(path.join(dir, 'app.json'))) return
      const sizes = packageSizes(dir)
      console.log(`\n${formatPackageSizes(sizes)}\n`)
      const main = sizes.find((s) => s.name === 'main')!
      if (main.bytes > MAIN_PACKAGE_BUDGET) console.warn(`weapp main package ${(main.bytes / 1024).toFixed(1)} KiB is over its ${MAIN_PACKAGE_BUDGET / 1024} KiB budget`)
    })
  }
}
