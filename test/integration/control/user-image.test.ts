// Images a user brings: their own Dockerfile FROM faultline's base image, then that image by tag.
import { describe, expect, it } from 'vitest';
import { ensureImages } from '../../../src/control/images.js';
import { dockerEngine } from '../../../src/control/docker-engine.js';

describe('user images', () => {
  it("builds a user's Dockerfile on the base image, and reuses a local tag as it is", async () => {
    const dockerfile = 'FROM faultline-base\nRUN echo user-build > /user-build\n';
    const built = await ensureImages({ name: 'faultline-test-user', aptPackages: [], dockerfile });
    expect(built.image).toMatch(/^faultline\/faultline-test-user:[0-9a-f]{12}$/);
    const docker = await dockerEngine();
    const inspect = await docker.getImage(built.image).inspect();
    expect(inspect.Config.Labels?.['faultline.recipe']).toBe('faultline-test-user');
    const byTag = await ensureImages({ name: 'mine', aptPackages: [], tag: built.image });
    expect(byTag.image).toBe(built.image);
    await expect(
      ensureImages({ name: 'mine', aptPackages: [], tag: 'faultline-test/none:missing' }),
    ).rejects.toThrow(/does not exist here/);
  }, 300_000);
});
