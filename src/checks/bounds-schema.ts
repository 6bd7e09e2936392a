// The options of the kinds that compare a measure with bounds (count, date-span):
// `require:` a list of requirements, each naming what it measures and a lower and/or upper bound.
export function boundedRequirementsSchema(
  measured: Record<string, unknown>,
  bounds: readonly [lower: string, upper: string],
): Record<string, unknown> {
  const [lower, upper] = bounds;
  return {
    type: 'object',
    required: ['require'],
    additionalProperties: false,
    properties: {
      require: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: Object.keys(measured),
          anyOf: [{ required: [lower] }, { required: [upper] }],
          additionalProperties: false,
          properties: { ...measured, [lower]: { type: 'integer', minimum: 0 }, [upper]: { type: 'integer', minimum: 0 } },
        },
      },
    },
  };
}
