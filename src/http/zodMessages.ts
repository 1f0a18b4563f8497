import { z } from 'zod'

// The specs' clients expect DRF-style wording for a missing field; zod's other messages are clear as they are.
z.config({ customError: (issue) => (issue.input === undefined ? 'This field is required.' : undefined) })
