import { isBackwardMove } from '../../../src/domain/crm/crmTransitions.ts'
import { CRM_PIPELINE } from '../../../src/domain/crm/statuses.ts'

describe('the CRM pipeline', () => {
  it('runs new -> reviewed -> contacted -> confirmed -> completed', () => {
    expect(CRM_PIPELINE).toEqual(['new', 'reviewed', 'contacted', 'confirmed', 'completed'])
  })

  it('counts only moves to an earlier stage as backwards (skipping ahead and staying are not)', () => {
    expect(isBackwardMove('new', 'completed')).toBe(false)
    expect(isBackwardMove('reviewed', 'contacted')).toBe(false)
    expect(isBackwardMove('contacted', 'contacted')).toBe(false)
    expect(isBackwardMove('contacted', 'reviewed')).toBe(true)
    expect(isBackwardMove('completed', 'new')).toBe(true)
  })
})
