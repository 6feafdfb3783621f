import { describe, expect, it } from 'vitest';
import { reportClientScript } from '../../../reports/report-client-script.js';

describe('reportClientScript', () => {
  it('is one syntactically valid script once its parts are joined', () => {
    expect(() => new Function(reportClientScript)).not.toThrow();
  });

  it('cannot end its script element and never assigns markup', () => {
    expect(reportClientScript.toLowerCase()).not.toContain('</script');
    expect(reportClientScript).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
