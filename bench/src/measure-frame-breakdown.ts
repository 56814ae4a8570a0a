import { join } from 'node:path';
import { bundleSize, type ModuleShare } from './bundle';
import { ROOT } from './paths';

/** What one frame document's code is made of: an in-memory rebuild with the frame's own Vite config. */
export async function frameBreakdown(doc: 'field' | 'controller'): Promise<ModuleShare[]> {
  const root = join(ROOT, 'apps/frame');
  const size = await bundleSize({ root, configFile: join(root, 'vite.config.ts'), mode: doc });
  return size.modules;
}
