/**
 * The nations a learner can say they serve in, kept free of schemas so the renderer can list them
 * without bundling the validation library. The first four match the course format's
 * jurisdictions; "outside-uk" is for learners the UK rules do not bind.
 */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland', 'outside-uk'] as const

export type Nation = (typeof NATIONS)[number]
